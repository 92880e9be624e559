package vn.partycell.notification.domain;

/** What a notice is about; clients filter and pick icons by it. */
public enum NoticeKind {
    /** A cell meeting was scheduled: time, place and agenda (thông báo sinh hoạt). */
    MEETING_SCHEDULED,
    /** The member was recorded absent without excuse at a closed meeting (vắng họp không lý do). */
    MEETING_ABSENT,
    /** A scheduled meeting's time, place or agenda changed: the notice again; it supersedes the earlier one. */
    MEETING_CHANGED,
    /** A scheduled meeting was cancelled, with the reason (hủy buổi sinh hoạt); supersedes its notices. */
    MEETING_CANCELLED,
    /** The secretary accepted or refused the member's excuse asked for before a meeting. */
    MEETING_EXCUSE_DECIDED,
    /** The cell held no required meeting in a period that is over (chi bộ chậm sinh hoạt), to its secretary and superior. */
    CELL_MEETING_OVERDUE,
    /** A concrete task was assigned to the member at a meeting (giao nhiệm vụ): title, due date, meeting. */
    TASK_ASSIGNED,
    /** The member's open task is due soon (the day before by default): a reminder. */
    TASK_DUE_SOON,
    /** The task was not done by its due date (quá hạn), to its owner and the cell's secretary. */
    TASK_OVERDUE
}
