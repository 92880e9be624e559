package vn.partycell.notification.adapter.in.events;

import java.util.function.Supplier;
import vn.partycell.notification.application.Effect;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/** What every consumer here checks: data the contract forbids can never be applied, so it is poison. */
final class EventChecks {

    private EventChecks() {}

    static OrgPath path(String eventId, String value) {
        try {
            return OrgPath.of(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("Event " + eventId + " has an invalid orgPath " + value, e);
        }
    }

    /** Builds the typed value; a missing field or an unknown enum value is poison. */
    static <T> T valid(InboundEvent event, Supplier<T> build) {
        try {
            return build.get();
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new PoisonEventException(
                    "Event " + event.envelope().id() + " has invalid data: " + e.getMessage(), e);
        }
    }

    /** A field the contract requires; its absence names it in the dead letter's reason. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** The contract's name of an enum value; anything else is not a value of major version 1. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " is missing");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + value, e);
        }
    }

    /** Which event reported the fact, and when it happened: the event's own time, so replays agree. */
    static Occurrence occurrence(InboundEvent event) {
        return new Occurrence(event.envelope().id(), event.envelope().time());
    }

    /** The use case's effect as the outcome the platform counts. */
    static Outcome outcome(Effect effect) {
        return switch (effect) {
            case APPLIED -> Outcome.APPLIED;
            case DUPLICATE -> Outcome.DUPLICATE;
            case NO_EFFECT -> Outcome.NO_EFFECT;
        };
    }
}
