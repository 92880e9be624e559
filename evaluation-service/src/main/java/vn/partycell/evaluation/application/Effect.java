package vn.partycell.evaluation.application;

/** What applying a fact did to the scorecards; the inbound adapter reports it as the event's outcome. */
public enum Effect {
    /** Stored state changed. */
    APPLIED,
    /** Already applied (a redelivery, another event about the same meeting, a replay): nothing changed. */
    DUPLICATE
}
