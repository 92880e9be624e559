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
    ABSENT
}
