package vn.partycell.evaluation.domain;

/** How a task ended, as meeting-service last published it (the latest version of the task wins). */
public enum TaskOutcome {
    /** Done on or before its due date (hoàn thành đúng hạn). */
    ON_TIME,
    /** Done after its due date (hoàn thành trễ hạn). */
    LATE,
    /** Not done by its due date (quá hạn): found by the daily watch, or confirmed so by the secretary. */
    OVERDUE;

    /** Late and overdue both fail the 2025 condition "all tasks done on time". */
    public boolean failsOnTime() {
        return this != ON_TIME;
    }
}
