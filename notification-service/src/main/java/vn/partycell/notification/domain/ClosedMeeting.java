package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A closed cell meeting with its final attendance, as far as the notices it causes need it.
 *
 * @param year the calendar year of {@code startsAt} in Asia/Ho_Chi_Minh: the year whose policy
 *     applies
 */
public record ClosedMeeting(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        int year,
        List<Attendance> attendance) {

    /** One member's line in the attendance. */
    public record Attendance(MemberId memberId, AttendanceStatus status) {

        public Attendance {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(status, "status");
        }
    }

    public ClosedMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        attendance = attendance == null ? List.of() : List.copyOf(attendance);
    }
}
