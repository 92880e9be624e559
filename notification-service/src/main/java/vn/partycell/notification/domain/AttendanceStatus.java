package vn.partycell.notification.domain;

/** A member's attendance at a closed meeting (điểm danh), as the meeting's minutes record it. */
public enum AttendanceStatus {
    /** Có mặt. */
    PRESENT,
    /** Đến muộn. */
    LATE,
    /** Vắng có lý do, asked for before the meeting. */
    EXCUSED,
    /** Vắng không lý do: counts toward the removal review. */
    ABSENT;

    public static AttendanceStatus parse(String value) {
        for (AttendanceStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Trạng thái điểm danh không hợp lệ: " + value);
    }
}
