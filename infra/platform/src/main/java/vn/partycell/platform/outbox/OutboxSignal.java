package vn.partycell.platform.outbox;

/**
 * Tells whoever relays the outbox that a write added events, so they leave without waiting for the
 * next poll. The store knows only this, not the relay.
 */
@FunctionalInterface
public interface OutboxSignal {

    OutboxSignal NONE = () -> {};

    void eventsWritten();
}
