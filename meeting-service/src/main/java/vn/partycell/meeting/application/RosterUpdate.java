package vn.partycell.meeting.application;

/** What the roster projection did with one fact from member-service. */
public enum RosterUpdate {
    /** The read model changed. */
    APPLIED,
    /** The stored snapshot is as new or newer (a redelivery, a replay, an out-of-order event). */
    ALREADY_CURRENT,
    /** The fact concerns nothing this service keeps (an org node that is not a cell or party group). */
    NOT_KEPT
}
