package vn.partycell.evaluation.domain;

/** A member's attendance at one meeting, as the closed minutes record it (điểm danh). */
public enum AttendanceStatus {
    /** Có mặt. */
    PRESENT,
    /** Đến muộn: counts as attended and as late. */
    LATE,
    /** Vắng có lý do, asked for before the meeting. */
    EXCUSED,
    /** Vắng không lý do: an unexcused absence. */
    ABSENT
}
