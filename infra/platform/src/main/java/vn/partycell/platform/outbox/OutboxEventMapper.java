package vn.partycell.platform.outbox;

/**
 * Turns one of a service's domain events into the outbox event that carries it on the wire. A
 * service's {@code adapter/out/events} implements it; its persistence adapter receives it as this
 * interface, so the two adapters never depend on each other and the wire shape lives in one place.
 *
 * @param <E> the service's domain event type
 */
@FunctionalInterface
public interface OutboxEventMapper<E> {

    OutboxEvent toOutbox(E event);
}
