package vn.partycell.notification.domain;

/** What a notice is about; clients filter and pick icons by it. */
public enum NoticeKind {
    /** A cell meeting was scheduled: time, place and agenda (thông báo sinh hoạt). */
    MEETING_SCHEDULED,
    /** The member was recorded absent without excuse at a closed meeting (vắng họp không lý do). */
    MEETING_ABSENT,
    /** The cell held no required meeting in a period that is over (chi bộ chậm sinh hoạt), to its secretary and superior. */
    CELL_MEETING_OVERDUE
}
