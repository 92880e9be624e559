package vn.partycell.platform.kernel;

import java.util.List;
import java.util.Objects;

/**
 * What a command on an aggregate decided: its new state and the events the change causes, in order.
 * The aggregate chooses the events; the use case only stores both in one write (the outbox).
 *
 * @param <A> the aggregate's (state) type
 * @param <E> the aggregate's event type
 */
public record Change<A, E>(A state, List<E> events) {

    public Change {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** A change that causes no event (for example attendance being taken before the close). */
    public static <A, E> Change<A, E> silent(A state) {
        return new Change<>(state, List.of());
    }

    @SafeVarargs
    public static <A, E> Change<A, E> of(A state, E... events) {
        return new Change<>(state, List.of(events));
    }
}
