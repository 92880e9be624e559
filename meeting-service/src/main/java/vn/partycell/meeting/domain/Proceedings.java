package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * What happens during a meeting (diễn biến buổi sinh hoạt), beside the meeting itself and keyed by
 * its id: who spoke and on what, commendations (biểu dương) and criticisms (phê bình) of named
 * members, resolutions with the full members' votes, and at a congress the elections of the
 * committee. Every command takes the meeting in progress, so nothing is recorded before it starts
 * or after it closes, and the cell's roster, so only its members appear. Version 0 is the empty
 * record of a meeting nothing has been recorded for yet.
 */
public record Proceedings(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        LocalDate heldOn,
        List<Speech> speeches,
        List<Remark> remarks,
        List<Resolution> resolutions,
        List<Election> elections,
        long version) {

    public Proceedings {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(heldOn, "heldOn");
        speeches = List.copyOf(speeches);
        remarks = List.copyOf(remarks);
        resolutions = List.copyOf(resolutions);
        elections = List.copyOf(elections);
    }

    /** The proceedings of a meeting before anything is recorded (not stored). */
    public static Proceedings of(Meeting meeting) {
        return new Proceedings(
                meeting.id(),
                meeting.cellId(),
                meeting.orgPath(),
                meeting.kind(),
                meeting.localStart().toLocalDate(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0);
    }

    /**
     * The same proceedings under the meeting's current org path (a move of the cell rewrites these
     * records after the meeting, so one read in between may lag): no change of its own, so no new
     * version.
     */
    public Proceedings at(OrgPath path) {
        return path.equals(orgPath)
                ? this
                : new Proceedings(
                        meetingId, cellId, path, kind, heldOn, speeches, remarks, resolutions, elections, version);
    }

    /**
     * Who spoke: the members with a speech here and those the attendance marks as having spoken
     * (the older way to record it), each once.
     */
    public Set<MemberId> speakers(Meeting meeting) {
        Set<MemberId> speakers = new LinkedHashSet<>();
        speeches.forEach(s -> speakers.add(s.memberId()));
        meeting.attendance().values().stream().filter(Attendance::spoke).forEach(a -> speakers.add(a.memberId()));
        return speakers;
    }

    /** A member of the cell spoke (phát biểu), present if attendance was taken for them. */
    public Change<Proceedings, ProceedingsEvent> recordSpeech(
            InProgressMeeting meeting, Roster roster, MemberId memberId, String subject, String by, Instant at) {
        requireSame(meeting);
        requireOnRoster(roster, memberId, "memberId");
        Attendance line = meeting.attendance().get(memberId);
        if (line != null && !line.status().attended()) {
            throw new RuleViolationException(
                    "speaker-absent",
                    "Đảng viên được điểm danh vắng mặt nên không thể phát biểu",
                    Map.of("field", "memberId", "memberId", memberId.toString()));
        }
        List<Speech> next = new ArrayList<>(speeches);
        next.add(new Speech(memberId, subject, by, at));
        return Change.silent(with(next, remarks, resolutions, elections));
    }

    /** A commendation or criticism of a member of the cell, with its reason. */
    public Change<Proceedings, ProceedingsEvent> recordRemark(
            InProgressMeeting meeting,
            Roster roster,
            RemarkKind remarkKind,
            MemberId memberId,
            String reason,
            String by,
            Instant at) {
        requireSame(meeting);
        requireOnRoster(roster, memberId, "memberId");
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required",
                    remarkKind == RemarkKind.COMMENDATION ? "Biểu dương cần ghi rõ lý do" : "Phê bình cần ghi rõ lý do",
                    Map.of("field", "reason"));
        }
        List<Remark> next = new ArrayList<>(remarks);
        next.add(new Remark(remarkKind, memberId, reason.strip(), by, at));
        return Change.silent(with(speeches, next, resolutions, elections));
    }

    /** A resolution (or the draft prepared beforehand) put before the meeting for its vote. */
    public Change<Proceedings, ProceedingsEvent> proposeResolution(
            InProgressMeeting meeting, UUID id, String title, String text, String by, Instant at) {
        requireSame(meeting);
        if (title == null || title.isBlank()) {
            throw new RuleViolationException("title-required", "Nghị quyết cần có tiêu đề", Map.of("field", "title"));
        }
        List<Resolution> next = new ArrayList<>(resolutions);
        next.add(new Resolution(id, title.strip(), text, List.of(), 0, 0, by, at));
        return Change.silent(with(speeches, remarks, next, elections));
    }

    /**
     * Full members present vote on a resolution, each once (biểu quyết). A probationary member, a
     * member not present or not of the cell, a second ballot of the same member: 422 naming
     * {@code ballots}, and none of the ballots is recorded. {@code passRule} is the year's rule for the
     * kind of meeting, applied to the full members who are not exempted.
     */
    public Change<Proceedings, ProceedingsEvent> castVotes(
            InProgressMeeting meeting, Roster roster, UUID resolutionId, List<Ballot> ballots, QuorumRule passRule) {
        requireSame(meeting);
        Resolution resolution = resolutions.stream()
                .filter(r -> r.id().equals(resolutionId))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(
                        "resolution-not-found",
                        "Không có nghị quyết này trong buổi sinh hoạt",
                        Map.of("field", "resolutionId")));
        if (ballots.isEmpty()) {
            throw new RuleViolationException(
                    "ballots-required", "Cần ít nhất một phiếu biểu quyết", Map.of("field", "ballots"));
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        Set<MemberId> seen = new HashSet<>();
        for (Ballot ballot : ballots) {
            String problem = voterProblem(meeting, roster, ballot.memberId(), seen);
            if (problem == null && resolution.hasVoted(ballot.memberId())) {
                problem = "đã biểu quyết nghị quyết này";
            }
            if (problem != null) {
                problems.put(ballot.memberId().toString(), problem);
            }
        }
        refuseBallots(problems, "votes-invalid");
        List<Ballot> all = new ArrayList<>(resolution.ballots());
        all.addAll(ballots);
        int eligible = roster.quorumBase().size();
        Resolution voted = new Resolution(
                resolution.id(),
                resolution.title(),
                resolution.text(),
                all,
                eligible,
                passRule.required(eligible),
                resolution.proposedBy(),
                resolution.proposedAt());
        List<Resolution> next = new ArrayList<>(resolutions);
        next.set(resolutions.indexOf(resolution), voted);
        return Change.silent(with(speeches, remarks, next, elections));
    }

    /**
     * Opens an election at a congress (or an extraordinary meeting: a by-election): the role, its
     * seats and the candidates, full members of the cell only (probationary members may not stand).
     * One election per role and meeting.
     */
    public Change<Proceedings, ProceedingsEvent> openElection(
            InProgressMeeting meeting,
            Roster roster,
            UUID id,
            CommitteeRole role,
            int seats,
            List<MemberId> candidates,
            String by,
            Instant at) {
        requireSame(meeting);
        if (kind != MeetingKind.CONGRESS && kind != MeetingKind.EXTRAORDINARY) {
            throw new RuleViolationException(
                    "election-not-at-congress",
                    "Chỉ bầu cấp ủy tại đại hội chi bộ (hoặc buổi sinh hoạt bất thường để bầu bổ sung)",
                    Map.of("field", "kind", "kind", kind.name()));
        }
        if (elections.stream().anyMatch(e -> e.role() == role)) {
            throw new ConflictException(
                    "election-exists", "Buổi sinh hoạt đã có cuộc bầu " + role + "", Map.of("field", "role"));
        }
        if (seats < 1 || (role.singleSeat() && seats != 1)) {
            throw new RuleViolationException(
                    "seats-invalid",
                    role.singleSeat() ? "Bầu " + role + " chỉ có 1 người" : "Số người cần bầu phải từ 1 trở lên",
                    Map.of("field", "seats"));
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        Set<MemberId> seen = new HashSet<>();
        for (MemberId candidate : candidates) {
            RosterMember member = roster.members().stream()
                    .filter(m -> m.memberId().equals(candidate) && m.isActive())
                    .findFirst()
                    .orElse(null);
            if (!seen.add(candidate)) {
                problems.put(candidate.toString(), "xuất hiện hai lần trong danh sách");
            } else if (member == null) {
                problems.put(candidate.toString(), "không phải đảng viên đang sinh hoạt tại chi bộ này");
            } else if (!member.mayVote()) {
                problems.put(candidate.toString(), "đảng viên dự bị không được ứng cử");
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "candidates-invalid",
                    "Có " + problems.size() + " người trong danh sách ứng cử không hợp lệ",
                    Map.of("field", "candidates", "members", problems));
        }
        if (candidates.size() < seats) {
            throw new RuleViolationException(
                    "too-few-candidates",
                    "Số người ứng cử (" + candidates.size() + ") ít hơn số cần bầu (" + seats + ")",
                    Map.of("field", "candidates", "candidates", candidates.size(), "seats", seats));
        }
        List<Election> next = new ArrayList<>(elections);
        next.add(new Election(id, role, seats, candidates, List.of(), null, by, at));
        return Change.silent(with(speeches, remarks, resolutions, next));
    }

    /**
     * Ballots of full members present, one per member: each chooses candidates of the election, at
     * most its seats (fewer, or none, is a ballot too). Bad ballots are a 422 naming {@code ballots},
     * and none is recorded.
     */
    public Change<Proceedings, ProceedingsEvent> castElectionBallots(
            InProgressMeeting meeting, Roster roster, UUID electionId, List<ElectionBallot> ballots) {
        requireSame(meeting);
        Election election = election(electionId);
        if (election.counted()) {
            throw new ConflictException(
                    "election-counted", "Cuộc bầu đã kiểm phiếu; không nhận thêm phiếu", Map.of("field", "ballots"));
        }
        if (ballots.isEmpty()) {
            throw new RuleViolationException(
                    "ballots-required", "Cần ít nhất một phiếu bầu", Map.of("field", "ballots"));
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        Set<MemberId> seen = new HashSet<>();
        for (ElectionBallot ballot : ballots) {
            String problem = voterProblem(meeting, roster, ballot.voterId(), seen);
            if (problem == null && election.hasVoted(ballot.voterId())) {
                problem = "đã bỏ phiếu trong cuộc bầu này";
            }
            if (problem == null && ballot.chosen().size() > election.seats()) {
                problem = "chọn quá số người cần bầu (" + election.seats() + ")";
            }
            if (problem == null
                    && new HashSet<>(ballot.chosen()).size() != ballot.chosen().size()) {
                problem = "chọn một người hai lần";
            }
            if (problem == null && !election.candidates().containsAll(ballot.chosen())) {
                problem = "chọn người không có trong danh sách ứng cử";
            }
            if (problem != null) {
                problems.put(ballot.voterId().toString(), problem);
            }
        }
        refuseBallots(problems, "ballots-invalid");
        List<ElectionBallot> all = new ArrayList<>(election.ballots());
        all.addAll(ballots);
        return Change.silent(replace(
                election,
                new Election(
                        election.id(),
                        election.role(),
                        election.seats(),
                        election.candidates(),
                        all,
                        null,
                        election.openedBy(),
                        election.openedAt())));
    }

    /**
     * Counts an election, once: a candidate needs the votes {@code majority} asks of the ballots cast
     * (more than half by default); of those, the most votes win, up to the seats. Candidates tied
     * for the last seat are none of them elected (the congress votes again for that seat). Publishes
     * the result, from which member-service sets the elected roles from the meeting's day.
     */
    public Change<Proceedings, ProceedingsEvent> countElection(
            InProgressMeeting meeting, UUID electionId, QuorumRule majority, String by, Instant at) {
        requireSame(meeting);
        Election election = election(electionId);
        if (election.counted()) {
            throw new ConflictException("election-counted", "Cuộc bầu đã kiểm phiếu", Map.of("field", "electionId"));
        }
        if (election.ballots().isEmpty()) {
            throw new RuleViolationException(
                    "no-ballots", "Chưa có phiếu bầu nào; không thể kiểm phiếu", Map.of("field", "ballots"));
        }
        Map<MemberId, Integer> votes = new LinkedHashMap<>();
        election.candidates().forEach(c -> votes.put(c, 0));
        election.ballots().forEach(b -> b.chosen().forEach(c -> votes.merge(c, 1, Integer::sum)));
        int cast = election.ballots().size();
        int required = majority.required(cast);
        List<ElectionResult.CandidateVotes> ranked = votes.entrySet().stream()
                .map(e -> new ElectionResult.CandidateVotes(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(ElectionResult.CandidateVotes::votes)
                        .reversed())
                .toList();
        List<ElectionResult.CandidateVotes> qualified =
                ranked.stream().filter(v -> v.votes() >= required).toList();
        List<MemberId> elected = new ArrayList<>();
        for (ElectionResult.CandidateVotes v : qualified) {
            long sameOrMore =
                    qualified.stream().filter(o -> o.votes() >= v.votes()).count();
            if (sameOrMore <= election.seats()) {
                elected.add(v.memberId());
            }
        }
        ElectionResult result = new ElectionResult(cast, required, ranked, elected, heldOn, by, at);
        Election counted = new Election(
                election.id(),
                election.role(),
                election.seats(),
                election.candidates(),
                election.ballots(),
                result,
                election.openedBy(),
                election.openedAt());
        Proceedings next = replace(election, counted);
        return Change.of(next, new ProceedingsEvent.CommitteeElected(next, counted));
    }

    /** Whether a congress of this cell has counted an election here: it opened a term. */
    public boolean electedAtCongress() {
        return kind == MeetingKind.CONGRESS && elections.stream().anyMatch(Election::counted);
    }

    /** Each member's facts of these proceedings, for the closing event; members with none are left out. */
    public Map<MemberId, MemberProceedingsFacts> memberFacts(Meeting meeting) {
        Set<MemberId> members = new LinkedHashSet<>(speakers(meeting));
        remarks.forEach(r -> members.add(r.memberId()));
        resolutions.forEach(r -> r.ballots().forEach(b -> members.add(b.memberId())));
        elections.forEach(e -> e.ballots().forEach(b -> members.add(b.voterId())));
        Set<MemberId> speakers = speakers(meeting);
        Map<MemberId, MemberProceedingsFacts> facts = new LinkedHashMap<>();
        for (MemberId m : members) {
            int commended = (int) remarks.stream()
                    .filter(r -> r.memberId().equals(m) && r.kind() == RemarkKind.COMMENDATION)
                    .count();
            int criticised = (int) remarks.stream()
                    .filter(r -> r.memberId().equals(m) && r.kind() == RemarkKind.CRITICISM)
                    .count();
            int votes = (int) (resolutions.stream().filter(r -> r.hasVoted(m)).count()
                    + elections.stream().filter(e -> e.hasVoted(m)).count());
            facts.put(m, new MemberProceedingsFacts(m, speakers.contains(m), commended, criticised, votes));
        }
        return facts;
    }

    public Election election(UUID electionId) {
        return elections.stream()
                .filter(e -> e.id().equals(electionId))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(
                        "election-not-found",
                        "Không có cuộc bầu này trong buổi sinh hoạt",
                        Map.of("field", "electionId")));
    }

    /** Why a member may not vote here, or null: of the cell, full (not probationary), present, once. */
    private static String voterProblem(InProgressMeeting meeting, Roster roster, MemberId voter, Set<MemberId> seen) {
        RosterMember member = roster.members().stream()
                .filter(m -> m.memberId().equals(voter) && m.isActive())
                .findFirst()
                .orElse(null);
        if (!seen.add(voter)) {
            return "xuất hiện hai lần trong cùng một lần ghi";
        }
        if (member == null) {
            return "không phải đảng viên đang sinh hoạt tại chi bộ này";
        }
        if (!member.mayVote()) {
            return "đảng viên dự bị không được biểu quyết";
        }
        Attendance line = meeting.attendance().get(voter);
        if (line == null || !line.status().attended()) {
            return "không có mặt tại buổi sinh hoạt (chưa điểm danh có mặt)";
        }
        return null;
    }

    private static void refuseBallots(Map<String, Object> problems, String code) {
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    code,
                    "Có " + problems.size() + " phiếu không hợp lệ; không phiếu nào được ghi",
                    Map.of("field", "ballots", "members", problems));
        }
    }

    private static void requireOnRoster(Roster roster, MemberId memberId, String field) {
        if (!roster.isActiveMember(memberId)) {
            throw new RuleViolationException(
                    "not-on-roster",
                    "Không phải đảng viên đang sinh hoạt tại chi bộ này",
                    Map.of("field", field, "memberId", memberId.toString()));
        }
    }

    private void requireSame(InProgressMeeting meeting) {
        if (!meeting.id().equals(meetingId)) {
            throw new IllegalArgumentException("proceedings of " + meetingId + " given meeting " + meeting.id());
        }
    }

    private Proceedings replace(Election before, Election after) {
        List<Election> next = new ArrayList<>(elections);
        next.set(elections.indexOf(before), after);
        return with(speeches, remarks, resolutions, next);
    }

    private Proceedings with(
            List<Speech> speeches, List<Remark> remarks, List<Resolution> resolutions, List<Election> elections) {
        return new Proceedings(
                meetingId, cellId, orgPath, kind, heldOn, speeches, remarks, resolutions, elections, version + 1);
    }
}
