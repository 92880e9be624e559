package vn.partycell.meeting.domain;

import java.util.Objects;

/** One member's attendance at a meeting, and whether they spoke (phát biểu). */
public record Attendance(MemberId memberId, AttendanceStatus status, String reason, boolean spoke) {

    public Attendance {
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(status);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
