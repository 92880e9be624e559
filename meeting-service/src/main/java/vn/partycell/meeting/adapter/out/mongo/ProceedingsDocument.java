package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.Ballot;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeRole;
import vn.partycell.meeting.domain.Election;
import vn.partycell.meeting.domain.ElectionBallot;
import vn.partycell.meeting.domain.ElectionResult;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.Remark;
import vn.partycell.meeting.domain.RemarkKind;
import vn.partycell.meeting.domain.Resolution;
import vn.partycell.meeting.domain.Speech;
import vn.partycell.meeting.domain.VoteChoice;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A meeting's proceedings as stored: {@code _id} is the meeting id (one record per meeting).
 * {@code congressElectedOn} is set on a congress that counted an election, so the cell's congresses
 * are found by the sparse index {@code congresses} (a few per cell, whatever the number of meetings).
 */
@Document(MongoProceedingsRepository.COLLECTION)
@CompoundIndex(name = "congresses", def = "{'cellId': 1, 'congressElectedOn': 1}", sparse = true)
public record ProceedingsDocument(
        @Id String id,
        String cellId,
        String orgPath,
        MeetingKind kind,
        LocalDate heldOn,
        LocalDate congressElectedOn,
        List<SpeechEntry> speeches,
        List<RemarkEntry> remarks,
        List<ResolutionEntry> resolutions,
        List<ElectionEntry> elections,
        long version) {

    public record SpeechEntry(String memberId, String subject, String recordedBy, Instant recordedAt) {}

    public record RemarkEntry(RemarkKind kind, String memberId, String reason, String recordedBy, Instant recordedAt) {}

    public record BallotEntry(String memberId, VoteChoice choice) {}

    public record ResolutionEntry(
            String id,
            String title,
            String text,
            List<BallotEntry> ballots,
            int eligible,
            int required,
            String proposedBy,
            Instant proposedAt) {}

    public record ElectionBallotEntry(String voterId, List<String> chosen) {}

    public record VotesEntry(String memberId, int votes) {}

    public record ResultEntry(
            int ballotsCast,
            int required,
            List<VotesEntry> votes,
            List<String> elected,
            LocalDate electedFrom,
            String countedBy,
            Instant countedAt) {}

    public record ElectionEntry(
            String id,
            CommitteeRole role,
            int seats,
            List<String> candidates,
            List<ElectionBallotEntry> ballots,
            ResultEntry result,
            String openedBy,
            Instant openedAt) {}

    static ProceedingsDocument from(Proceedings p) {
        return new ProceedingsDocument(
                p.meetingId().toString(),
                p.cellId().toString(),
                p.orgPath().value(),
                p.kind(),
                p.heldOn(),
                p.electedAtCongress() ? p.heldOn() : null,
                p.speeches().stream()
                        .map(s -> new SpeechEntry(s.memberId().toString(), s.subject(), s.recordedBy(), s.recordedAt()))
                        .toList(),
                p.remarks().stream()
                        .map(r -> new RemarkEntry(
                                r.kind(), r.memberId().toString(), r.reason(), r.recordedBy(), r.recordedAt()))
                        .toList(),
                p.resolutions().stream()
                        .map(r -> new ResolutionEntry(
                                r.id().toString(),
                                r.title(),
                                r.text(),
                                r.ballots().stream()
                                        .map(b -> new BallotEntry(b.memberId().toString(), b.choice()))
                                        .toList(),
                                r.eligible(),
                                r.required(),
                                r.proposedBy(),
                                r.proposedAt()))
                        .toList(),
                p.elections().stream().map(ProceedingsDocument::entry).toList(),
                p.version());
    }

    private static ElectionEntry entry(Election e) {
        ElectionResult r = e.result();
        return new ElectionEntry(
                e.id().toString(),
                e.role(),
                e.seats(),
                strings(e.candidates()),
                e.ballots().stream()
                        .map(b -> new ElectionBallotEntry(b.voterId().toString(), strings(b.chosen())))
                        .toList(),
                r == null
                        ? null
                        : new ResultEntry(
                                r.ballotsCast(),
                                r.required(),
                                r.votes().stream()
                                        .map(v -> new VotesEntry(v.memberId().toString(), v.votes()))
                                        .toList(),
                                strings(r.elected()),
                                r.electedFrom(),
                                r.countedBy(),
                                r.countedAt()),
                e.openedBy(),
                e.openedAt());
    }

    Proceedings toDomain() {
        return new Proceedings(
                MeetingId.of(id),
                CellId.of(cellId),
                OrgPath.of(orgPath),
                kind,
                heldOn,
                list(speeches).stream()
                        .map(s -> new Speech(MemberId.of(s.memberId()), s.subject(), s.recordedBy(), s.recordedAt()))
                        .toList(),
                list(remarks).stream()
                        .map(r -> new Remark(
                                r.kind(), MemberId.of(r.memberId()), r.reason(), r.recordedBy(), r.recordedAt()))
                        .toList(),
                list(resolutions).stream()
                        .map(r -> new Resolution(
                                UUID.fromString(r.id()),
                                r.title(),
                                r.text(),
                                list(r.ballots()).stream()
                                        .map(b -> new Ballot(MemberId.of(b.memberId()), b.choice()))
                                        .toList(),
                                r.eligible(),
                                r.required(),
                                r.proposedBy(),
                                r.proposedAt()))
                        .toList(),
                list(elections).stream().map(ProceedingsDocument::election).toList(),
                version);
    }

    private static Election election(ElectionEntry e) {
        ResultEntry r = e.result();
        return new Election(
                UUID.fromString(e.id()),
                e.role(),
                e.seats(),
                members(e.candidates()),
                list(e.ballots()).stream()
                        .map(b -> new ElectionBallot(MemberId.of(b.voterId()), members(b.chosen())))
                        .toList(),
                r == null
                        ? null
                        : new ElectionResult(
                                r.ballotsCast(),
                                r.required(),
                                list(r.votes()).stream()
                                        .map(v ->
                                                new ElectionResult.CandidateVotes(MemberId.of(v.memberId()), v.votes()))
                                        .toList(),
                                members(r.elected()),
                                r.electedFrom(),
                                r.countedBy(),
                                r.countedAt()),
                e.openedBy(),
                e.openedAt());
    }

    private static List<String> strings(List<MemberId> ids) {
        return ids.stream().map(MemberId::toString).toList();
    }

    private static List<MemberId> members(List<String> ids) {
        return list(ids).stream().map(MemberId::of).toList();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
