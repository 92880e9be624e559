package vn.partycell.meeting.domain;

/**
 * A meeting's status as it is listed, filtered and stored: scheduled (notice sent), in progress
 * (started by the committee; attendance is being taken) and closed (final); draft (being prepared,
 * nobody told yet) and cancelled (with a reason). The life cycle itself is the sealed {@link
 * Meeting}; each state type says which of these it shows.
 */
public enum MeetingStatus {
    SCHEDULED,
    IN_PROGRESS,
    CLOSED,
    DRAFT,
    CANCELLED
}
