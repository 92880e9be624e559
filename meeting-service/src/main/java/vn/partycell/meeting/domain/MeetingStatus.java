package vn.partycell.meeting.domain;

/** Life cycle: scheduled (notice sent) → in progress (attendance being taken) → closed (final) or cancelled. */
public enum MeetingStatus {
    SCHEDULED,
    IN_PROGRESS,
    CLOSED,
    CANCELLED;

    public boolean isOpen() {
        return this == SCHEDULED || this == IN_PROGRESS;
    }
}
