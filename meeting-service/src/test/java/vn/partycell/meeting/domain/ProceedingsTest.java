package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** The rules of a meeting's proceedings: who may appear, who may vote and stand, what passes, who is elected. */
class ProceedingsTest {

    private final Cell cell = new Cell(
            new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, OrgPath.of("/hy/a/cb-01/"), 1);
    private final QuorumRule moreThanHalf = new QuorumRule(QuorumRule.Comparison.MORE_THAN, 1, 2);
    private final Instant at = Instant.parse("2026-03-05T13:00:00Z");
    private final List<RosterMember> full = new ArrayList<>();
    private RosterMember probationary;
    private RosterMember exempted;
    private Roster roster;

    private RosterMember member(MemberStatus status, boolean exempt) {
        return new RosterMember(
                new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "Đảng viên", status, exempt, 1);
    }

    /** Five full members (four present, one absent), a probationary member present, an exempted full member. */
    private InProgressMeeting held(MeetingKind kind) {
        for (int i = 0; i < 5; i++) {
            full.add(member(MemberStatus.FULL, false));
        }
        probationary = member(MemberStatus.PROBATIONARY, false);
        exempted = member(MemberStatus.FULL, true);
        List<RosterMember> all = new ArrayList<>(full);
        all.add(probationary);
        all.add(exempted);
        roster = new Roster(all);
        ScheduledMeeting s = Meeting.schedule(
                        MeetingId.random(),
                        cell,
                        new MeetingPlan(
                                kind,
                                "Sinh hoạt",
                                kind == MeetingKind.THEMATIC ? "Chuyên đề" : null,
                                Instant.parse("2026-03-05T12:30:00Z"),
                                "Hội trường",
                                List.of("Nội dung")),
                        Instant.parse("2026-03-01T00:00:00Z"))
                .state();
        InProgressMeeting started =
                s.start(Duration.ofMinutes(30), Map.of(), "bt", s.startsAt()).state();
        List<Attendance> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(new Attendance(full.get(i).memberId(), AttendanceStatus.PRESENT, null, i == 0));
        }
        lines.add(new Attendance(full.get(4).memberId(), AttendanceStatus.ABSENT, null, false));
        lines.add(new Attendance(probationary.memberId(), AttendanceStatus.PRESENT, null, false));
        return started.recordAttendance(lines, roster).state();
    }

    private static RuleViolationException refusal(Runnable command) {
        try {
            command.run();
        } catch (RuleViolationException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void speakersAreMembersOfTheCellWhoAttendedCountedOnceWithTheAttendanceFlag() {
        InProgressMeeting m = held(MeetingKind.REGULAR);
        Proceedings p = Proceedings.of(m);
        p = p.recordSpeech(m, roster, full.get(1).memberId(), "Ý kiến về nghị quyết", "bt", at)
                .state();
        p = p.recordSpeech(m, roster, full.get(1).memberId(), "Lần hai", "bt", at)
                .state();
        p = p.recordSpeech(m, roster, probationary.memberId(), null, "bt", at).state();
        // full[0] spoke according to the attendance line.
        assertThat(p.speakers(m))
                .containsExactlyInAnyOrder(full.get(0).memberId(), full.get(1).memberId(), probationary.memberId());
        assertThat(p.version()).isEqualTo(3);

        Proceedings before = p;
        RuleViolationException stranger =
                refusal(() -> before.recordSpeech(m, roster, new MemberId(UUID.randomUUID()), null, "bt", at));
        assertThat(stranger.code()).isEqualTo("not-on-roster");
        assertThat(stranger.facts()).containsEntry("field", "memberId");
        RuleViolationException absent =
                refusal(() -> before.recordSpeech(m, roster, full.get(4).memberId(), null, "bt", at));
        assertThat(absent.code()).isEqualTo("speaker-absent");
    }

    @Test
    void commendationsAndCriticismsNameAMemberOfTheCellAndAReason() {
        InProgressMeeting m = held(MeetingKind.REGULAR);
        Proceedings p = Proceedings.of(m)
                .recordRemark(
                        m, roster, RemarkKind.COMMENDATION, full.get(2).memberId(), "Hoàn thành xuất sắc", "bt", at)
                .state()
                .recordRemark(m, roster, RemarkKind.CRITICISM, full.get(4).memberId(), "Vắng không lý do", "bt", at)
                .state();
        Map<MemberId, MemberProceedingsFacts> facts = p.memberFacts(m);
        assertThat(facts.get(full.get(2).memberId()).commendations()).isEqualTo(1);
        assertThat(facts.get(full.get(4).memberId()).criticisms()).isEqualTo(1);
        assertThat(facts.get(full.get(0).memberId()).spoke()).isTrue();
        Proceedings before = p;
        assertThat(refusal(() -> before.recordRemark(
                                m, roster, RemarkKind.CRITICISM, new MemberId(UUID.randomUUID()), "x", "bt", at))
                        .facts())
                .containsEntry("field", "memberId");
        assertThat(refusal(() -> before.recordRemark(
                                m, roster, RemarkKind.CRITICISM, full.get(1).memberId(), " ", "bt", at))
                        .facts())
                .containsEntry("field", "reason");
    }

    @Test
    void onlyFullMembersPresentVoteOnceAndAResolutionPassesWithMoreThanHalfOfTheFullMembers() {
        InProgressMeeting m = held(MeetingKind.REGULAR);
        UUID id = UUID.randomUUID();
        Proceedings p = Proceedings.of(m)
                .proposeResolution(m, id, "Nghị quyết tháng 3", "Toàn văn", "bt", at)
                .state();
        Proceedings proposed = p;
        RuleViolationException byProbationary = refusal(() -> proposed.castVotes(
                m,
                roster,
                id,
                List.of(
                        new Ballot(full.get(0).memberId(), VoteChoice.FOR),
                        new Ballot(probationary.memberId(), VoteChoice.FOR)),
                moreThanHalf));
        assertThat(byProbationary.code()).isEqualTo("votes-invalid");
        assertThat(byProbationary.facts()).containsEntry("field", "ballots");
        assertThat(byProbationary.facts().get("members").toString())
                .contains(probationary.memberId().toString());
        RuleViolationException byAbsent = refusal(() -> proposed.castVotes(
                m, roster, id, List.of(new Ballot(full.get(4).memberId(), VoteChoice.FOR)), moreThanHalf));
        assertThat(byAbsent.facts().get("members").toString()).contains("không có mặt");
        RuleViolationException byExempted = refusal(() -> proposed.castVotes(
                m, roster, id, List.of(new Ballot(exempted.memberId(), VoteChoice.FOR)), moreThanHalf));
        assertThat(byExempted.code()).isEqualTo("votes-invalid");
        RuleViolationException twiceInOne = refusal(() -> proposed.castVotes(
                m,
                roster,
                id,
                List.of(
                        new Ballot(full.get(0).memberId(), VoteChoice.FOR),
                        new Ballot(full.get(0).memberId(), VoteChoice.AGAINST)),
                moreThanHalf));
        assertThat(twiceInOne.code()).isEqualTo("votes-invalid");

        // The base is the 5 full members who are not exempted; more than half of them is 3.
        p = p.castVotes(
                        m,
                        roster,
                        id,
                        List.of(
                                new Ballot(full.get(0).memberId(), VoteChoice.FOR),
                                new Ballot(full.get(1).memberId(), VoteChoice.FOR),
                                new Ballot(full.get(2).memberId(), VoteChoice.FOR)),
                        moreThanHalf)
                .state();
        Resolution threeFor = p.resolutions().getFirst();
        assertThat(threeFor.eligible()).isEqualTo(5);
        assertThat(threeFor.required()).isEqualTo(3);
        assertThat(threeFor.passed()).isTrue();
        Proceedings voted = p;
        RuleViolationException again = refusal(() -> voted.castVotes(
                m, roster, id, List.of(new Ballot(full.get(0).memberId(), VoteChoice.AGAINST)), moreThanHalf));
        assertThat(again.facts().get("members").toString()).contains("đã biểu quyết");

        UUID second = UUID.randomUUID();
        Proceedings other = p.proposeResolution(m, second, "Nghị quyết bổ sung", null, "bt", at)
                .state()
                .castVotes(
                        m,
                        roster,
                        second,
                        List.of(
                                new Ballot(full.get(0).memberId(), VoteChoice.FOR),
                                new Ballot(full.get(1).memberId(), VoteChoice.FOR),
                                new Ballot(full.get(2).memberId(), VoteChoice.AGAINST),
                                new Ballot(full.get(3).memberId(), VoteChoice.ABSTAIN)),
                        moreThanHalf)
                .state();
        Resolution twoFor = other.resolutions().get(1);
        assertThat(twoFor.passed())
                .as("2 of 5 full members is not more than half")
                .isFalse();
        assertThat(twoFor.count(VoteChoice.AGAINST)).isEqualTo(1);
        assertThat(other.memberFacts(m).get(full.get(0).memberId()).votesCast()).isEqualTo(2);
    }

    @Test
    void aCongressElectsFromFullMembersWithMoreThanHalfOfTheBallotsAndPublishesTheResultOnce() {
        InProgressMeeting m = held(MeetingKind.CONGRESS);
        UUID id = UUID.randomUUID();
        Proceedings p = Proceedings.of(m);
        Proceedings empty = p;
        RuleViolationException probationaryCandidate = refusal(() -> empty.openElection(
                m,
                roster,
                id,
                CommitteeRole.COMMITTEE_MEMBER,
                2,
                List.of(full.get(0).memberId(), probationary.memberId()),
                "bt",
                at));
        assertThat(probationaryCandidate.code()).isEqualTo("candidates-invalid");
        assertThat(probationaryCandidate.facts()).containsEntry("field", "candidates");
        assertThat(refusal(() -> empty.openElection(
                                m,
                                roster,
                                id,
                                CommitteeRole.SECRETARY,
                                2,
                                List.of(full.get(0).memberId()),
                                "bt",
                                at))
                        .facts())
                .containsEntry("field", "seats");
        assertThat(refusal(() -> empty.openElection(
                                m,
                                roster,
                                id,
                                CommitteeRole.COMMITTEE_MEMBER,
                                3,
                                List.of(full.get(0).memberId(), full.get(1).memberId()),
                                "bt",
                                at))
                        .code())
                .isEqualTo("too-few-candidates");

        List<MemberId> candidates = List.of(
                full.get(0).memberId(), full.get(1).memberId(), full.get(2).memberId());
        p = p.openElection(m, roster, id, CommitteeRole.COMMITTEE_MEMBER, 2, candidates, "bt", at)
                .state();
        Proceedings open = p;
        assertThatThrownBy(() -> open.openElection(
                        m, roster, UUID.randomUUID(), CommitteeRole.COMMITTEE_MEMBER, 1, candidates, "bt", at))
                .isInstanceOf(ConflictException.class);
        RuleViolationException badBallots = refusal(() -> open.castElectionBallots(
                m,
                roster,
                id,
                List.of(
                        new ElectionBallot(
                                probationary.memberId(), List.of(full.get(0).memberId())),
                        new ElectionBallot(full.get(1).memberId(), candidates),
                        new ElectionBallot(full.get(2).memberId(), List.of(probationary.memberId())))));
        assertThat(badBallots.facts()).containsEntry("field", "ballots");
        assertThat(((Map<?, ?>) badBallots.facts().get("members"))).hasSize(3);
        assertThat(refusal(() -> open.countElection(m, id, moreThanHalf, "bt", at))
                        .code())
                .isEqualTo("no-ballots");

        // Four ballots: full[0] 4 votes, full[1] 3 votes, full[2] 1 vote; more than half of 4 is 3.
        p = p.castElectionBallots(
                        m,
                        roster,
                        id,
                        List.of(
                                new ElectionBallot(
                                        full.get(0).memberId(),
                                        List.of(
                                                full.get(0).memberId(),
                                                full.get(1).memberId())),
                                new ElectionBallot(
                                        full.get(1).memberId(),
                                        List.of(
                                                full.get(0).memberId(),
                                                full.get(1).memberId())),
                                new ElectionBallot(
                                        full.get(2).memberId(),
                                        List.of(
                                                full.get(0).memberId(),
                                                full.get(2).memberId())),
                                new ElectionBallot(
                                        full.get(3).memberId(),
                                        List.of(
                                                full.get(0).memberId(),
                                                full.get(1).memberId()))))
                .state();
        Change<Proceedings, ProceedingsEvent> counted = p.countElection(m, id, moreThanHalf, "bt", at);
        ElectionResult result = counted.state().election(id).result();
        assertThat(result.ballotsCast()).isEqualTo(4);
        assertThat(result.required()).isEqualTo(3);
        assertThat(result.elected())
                .containsExactly(full.get(0).memberId(), full.get(1).memberId());
        assertThat(result.electedFrom()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(counted.events()).hasSize(1).first().isInstanceOf(ProceedingsEvent.CommitteeElected.class);
        assertThat(counted.state().electedAtCongress()).isTrue();
        Proceedings done = counted.state();
        assertThatThrownBy(() -> done.countElection(m, id, moreThanHalf, "bt", at))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> done.castElectionBallots(
                        m, roster, id, List.of(new ElectionBallot(full.get(0).memberId(), List.of()))))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void candidatesTiedForTheLastSeatAreNotElectedAndNobodyWithoutAMajorityIs() {
        InProgressMeeting m = held(MeetingKind.CONGRESS);
        UUID id = UUID.randomUUID();
        List<MemberId> candidates = List.of(full.get(0).memberId(), full.get(1).memberId());
        Proceedings p = Proceedings.of(m)
                .openElection(m, roster, id, CommitteeRole.SECRETARY, 1, candidates, "bt", at)
                .state()
                .castElectionBallots(
                        m,
                        roster,
                        id,
                        List.of(
                                new ElectionBallot(
                                        full.get(0).memberId(),
                                        List.of(full.get(0).memberId())),
                                new ElectionBallot(
                                        full.get(1).memberId(),
                                        List.of(full.get(1).memberId())),
                                new ElectionBallot(
                                        full.get(2).memberId(),
                                        List.of(full.get(0).memberId())),
                                new ElectionBallot(
                                        full.get(3).memberId(),
                                        List.of(full.get(1).memberId()))))
                .state();
        assertThat(p.countElection(m, id, moreThanHalf, "bt", at)
                        .state()
                        .election(id)
                        .result()
                        .elected())
                .isEmpty();
    }

    @Test
    void electionsAreHeldOnlyAtACongressOrAnExtraordinaryMeeting() {
        InProgressMeeting m = held(MeetingKind.REGULAR);
        RuleViolationException refused = refusal(() -> Proceedings.of(m)
                .openElection(
                        m,
                        roster,
                        UUID.randomUUID(),
                        CommitteeRole.SECRETARY,
                        1,
                        List.of(full.get(0).memberId()),
                        "bt",
                        at));
        assertThat(refused.code()).isEqualTo("election-not-at-congress");
        assertThat(refused.facts()).containsEntry("field", "kind");
    }
}
