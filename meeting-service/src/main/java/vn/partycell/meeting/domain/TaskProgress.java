package vn.partycell.meeting.domain;

/** What a member reports on their task (báo cáo tiến độ): done, in progress, or blocked. */
public enum TaskProgress {
    DONE,
    IN_PROGRESS,
    BLOCKED
}
