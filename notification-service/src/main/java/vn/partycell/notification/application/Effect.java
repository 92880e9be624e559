package vn.partycell.notification.application;

/** What a fact did here; the inbound adapter reports it as the event's outcome. */
public enum Effect {
    /** Stored state changed (a notice was written, a roster entry replaced). */
    APPLIED,
    /** Already applied (a redelivery, the same fact under a new event id, a replay): nothing changed. */
    DUPLICATE,
    /** The fact asks nothing of this service: nobody to tell (an empty roster, no absentee). */
    NO_EFFECT
}
