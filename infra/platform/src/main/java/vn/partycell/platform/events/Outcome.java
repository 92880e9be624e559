package vn.partycell.platform.events;

/** What a consumer did with an event; counted per topic and group. */
public enum Outcome {
    /** The event changed state. */
    APPLIED,
    /** Already applied before (a redelivery or a replay over current state): nothing changed. */
    DUPLICATE,
    /** A type this consumer does not use. */
    IGNORED
}
