package vn.partycell.meeting.domain;

/**
 * The confirmed outcome of a task against its due date (2025 rating regulation, DOMAIN §5): done on
 * time (đúng hạn), done late (trễ hạn), or not done by its due date (quá hạn).
 */
public enum TaskTiming {
    ON_TIME,
    LATE,
    OVERDUE
}
