package vn.partycell.meeting.domain;

/** Attendance (điểm danh): present, late, excused absence (asked for before, with a reason), unexcused absence. */
public enum AttendanceStatus {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    /** Present or late: counts toward quorum and may speak. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
