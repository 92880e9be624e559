package vn.partycell.platform.events;

/** What a consumer did with an event; counted per topic and group. */
public enum Outcome {
    /** The event changed state. */
    APPLIED,
    /** Already applied before (a redelivery or a replay over current state): nothing changed. */
    DUPLICATE,
    /** A type this consumer does not use (a tolerant reader skips it). */
    IGNORED,
    /**
     * A type this consumer uses, but this event asks nothing of it: an empty roster to tell, a
     * meeting with no absentee to notify. Counted apart so that IGNORED keeps one meaning.
     */
    NO_EFFECT
}
