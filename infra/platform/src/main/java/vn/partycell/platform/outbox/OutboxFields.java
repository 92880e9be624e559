package vn.partycell.platform.outbox;

/** Field and collection names the store, the relay, the lease and the metrics share: one place. */
final class OutboxFields {

    /** Events not yet acknowledged by Kafka, oldest first. */
    static final String OUTBOX = "outbox";
    /** Time of the oldest pending event; present exactly while {@link #OUTBOX} is non-empty. */
    static final String SINCE = "outboxSince";
    /** Events the broker rejected for good, with {@link #REASON} and {@link #PARKED_AT}; blocks the aggregate. */
    static final String PARKED = "outboxParked";

    static final String REASON = "reason";
    static final String PARKED_AT = "parkedAt";
    static final String EVENT_ID = "eventId";
    static final String VERSION = "version";

    static final String LEASES = "outbox_lease";

    private OutboxFields() {}
}
