package vn.partycell.meeting.domain;

/**
 * A cell's standing in a period, worst first (the order an ascending sort lists them in): overdue
 * (the period is over and a required meeting is missing), open (not over yet and still missing),
 * not due (the cell did not owe the whole period, or no kind is required per such a period), met.
 */
public enum ComplianceStatus {
    OVERDUE,
    OPEN,
    NOT_DUE,
    MET
}
