package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * The superior's grade of one meeting (cấp ủy cấp trên dự, đánh giá chất lượng sinh hoạt, DOMAIN
 * §4): one per meeting, given while it is in progress or once it is closed; amended only by a
 * correcting record with its reason, so the history of the grade stays readable. Its month is the
 * meeting's local month, which decides the year's scale.
 */
public record MeetingGrade(
        MeetingId meetingId, CellId cellId, OrgPath orgPath, YearMonth month, List<GradeRecord> records, long version) {

    public MeetingGrade {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(month, "month");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a grade has its first record");
        }
    }

    /** The grade in force: the latest revision. */
    public GradeRecord current() {
        return records.getLast();
    }

    /** Grades a meeting that is being held or has been closed. */
    public static Change<MeetingGrade, MeetingGradeEvent> grade(
            Meeting meeting,
            GradeScale scale,
            String code,
            String comment,
            boolean attended,
            String by,
            String byMemberId,
            Instant at) {
        if (meeting.status() != MeetingStatus.IN_PROGRESS && meeting.status() != MeetingStatus.CLOSED) {
            throw new ConflictException(
                    "meeting-not-held",
                    "Buổi sinh hoạt chưa diễn ra (" + meeting.status()
                            + "); chỉ đánh giá buổi đang diễn ra hoặc đã kết thúc");
        }
        GradeRecord first =
                new GradeRecord(1, scale.require(code), scale.codes(), comment, attended, by, byMemberId, at, null);
        MeetingGrade graded = new MeetingGrade(
                meeting.id(),
                meeting.cellId(),
                meeting.orgPath(),
                YearMonth.from(meeting.localStart()),
                List.of(first),
                1);
        return Change.of(graded, new MeetingGradeEvent.Graded(graded));
    }

    /** A correcting record: the new grade with the reason for the correction; the earlier lines stay. */
    public Change<MeetingGrade, MeetingGradeEvent> correct(
            GradeScale scale,
            String code,
            String comment,
            boolean attended,
            String reason,
            String by,
            String byMemberId,
            Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required", "Sửa kết quả đánh giá cần ghi rõ lý do", Map.of("field", "reason"));
        }
        List<GradeRecord> next = new ArrayList<>(records);
        next.add(new GradeRecord(
                current().revision() + 1,
                scale.require(code),
                scale.codes(),
                comment,
                attended,
                by,
                byMemberId,
                at,
                reason.strip()));
        MeetingGrade corrected = new MeetingGrade(meetingId, cellId, orgPath, month, next, version + 1);
        return Change.of(corrected, new MeetingGradeEvent.Graded(corrected));
    }
}
