package vn.partycell.platform.outbox;

import java.util.Collection;

/**
 * Tells whoever relays the outbox which aggregates a write just gave events, so they leave without
 * waiting for the next poll and are found by their ids: on the local store any other query reads the
 * whole collection. The store knows only this, not the relay.
 */
@FunctionalInterface
public interface OutboxSignal {

    OutboxSignal NONE = (collection, aggregateIds) -> {};

    /** After a write that added events to these aggregates of {@code collection}. */
    void eventsWritten(String collection, Collection<?> aggregateIds);
}
