package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * A correction of closed minutes (đính chính biên bản): who proposed it and when, what it corrects
 * (attendance lines of named members), why, and who approved or rejected it. The closed meeting is
 * never edited; its facts as corrected are the minutes plus the approved amendments in approval
 * order. Approval needs a second person with the secretary's role or above on the cell (or a
 * superior): the proposer never approves their own correction.
 */
public record Amendment(
        UUID id,
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        List<Correction> corrections,
        String reason,
        String proposedBy,
        Instant proposedAt,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        long version) {

    public enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    /** One member's attendance line as the minutes have it ({@code before}) and as corrected ({@code after}). */
    public record Correction(Attendance before, Attendance after) {

        public Correction {
            Objects.requireNonNull(after);
        }
    }

    public Amendment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(status);
        corrections = List.copyOf(corrections);
    }

    /**
     * Proposes corrections of a closed meeting's attendance, against its facts as already corrected
     * ({@code current}): every line names a member of the minutes, changes something, and keeps the
     * attendance rules (an excuse has its reason, only who attended spoke). No event yet.
     */
    public static Change<Amendment, AmendmentEvent> propose(
            ClosedMeeting meeting,
            Map<MemberId, Attendance> current,
            List<Attendance> lines,
            String reason,
            String by,
            Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required", "Đính chính biên bản cần ghi rõ lý do", Map.of("field", "reason"));
        }
        Map<String, Object> problems = new LinkedHashMap<>();
        Set<MemberId> seen = new HashSet<>();
        List<Correction> corrections = new java.util.ArrayList<>();
        for (Attendance line : lines) {
            String key = line.memberId().toString();
            Attendance before = current.get(line.memberId());
            if (!seen.add(line.memberId())) {
                problems.put(key, "xuất hiện hai lần trong cùng một đính chính");
            } else if (before == null) {
                problems.put(key, "không có trong biên bản buổi sinh hoạt này");
            } else if (line.status() == AttendanceStatus.EXCUSED && line.reason() == null) {
                problems.put(key, "vắng có lý do cần ghi rõ lý do");
            } else if (line.spoke() && !line.status().attended()) {
                problems.put(key, "không có mặt thì không thể phát biểu");
            } else if (before.equals(line)) {
                problems.put(key, "không thay đổi gì so với biên bản");
            } else {
                corrections.add(new Correction(before, line));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "amendment-invalid",
                    "Có " + problems.size() + " dòng đính chính không hợp lệ",
                    Map.of("field", "corrections", "members", problems));
        }
        Amendment amendment = new Amendment(
                UUID.randomUUID(),
                meeting.id(),
                meeting.cellId(),
                meeting.orgPath(),
                corrections,
                reason.strip(),
                by,
                now,
                Status.PROPOSED,
                null,
                null,
                null,
                1);
        return Change.silent(amendment);
    }

    /**
     * Approves (publishing the corrected per-member facts) or rejects, by somebody other than the
     * proposer. {@code current} is the meeting's facts as corrected so far: an earlier approval of
     * the same members moves {@code before} on, so scoring applies each difference exactly once.
     */
    public Change<Amendment, AmendmentEvent> decide(
            ClosedMeeting meeting,
            Map<MemberId, Attendance> current,
            boolean approve,
            String note,
            String by,
            Instant now) {
        if (status != Status.PROPOSED) {
            throw new ConflictException(
                    "amendment-decided",
                    "Đính chính đã được xem xét",
                    Map.of("field", "status", "status", status.name()));
        }
        if (by.equals(proposedBy)) {
            throw new RuleViolationException(
                    "second-person-required",
                    "Người đề nghị đính chính không tự phê duyệt; cần một đồng chí khác từ bí thư trở lên",
                    Map.of("field", "approvedBy"));
        }
        List<Correction> recounted = corrections.stream()
                .map(c -> new Correction(current.get(c.after().memberId()), c.after()))
                .toList();
        Amendment decided = new Amendment(
                id,
                meetingId,
                cellId,
                orgPath,
                approve ? recounted : corrections,
                reason,
                proposedBy,
                proposedAt,
                approve ? Status.APPROVED : Status.REJECTED,
                by,
                now,
                note == null || note.isBlank() ? null : note.strip(),
                version + 1);
        return approve ? Change.of(decided, new AmendmentEvent.Approved(decided, meeting)) : Change.silent(decided);
    }

    /** The meeting's attendance as corrected by the approved amendments, in approval order. */
    public static Map<MemberId, Attendance> corrected(ClosedMeeting meeting, List<Amendment> amendments) {
        Map<MemberId, Attendance> facts = new LinkedHashMap<>(meeting.attendance());
        amendments.stream()
                .filter(a -> a.status == Status.APPROVED)
                .sorted(java.util.Comparator.comparing(Amendment::decidedAt).thenComparing(a -> a.id.toString()))
                .forEach(a -> a.corrections.forEach(c -> facts.put(c.after().memberId(), c.after())));
        return facts;
    }
}
