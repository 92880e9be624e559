package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** One member's attendance at a meeting, and whether they spoke (phát biểu). */
public record Attendance(UUID memberId, AttendanceStatus status, String reason, boolean spoke) {

    public Attendance {
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(status);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
