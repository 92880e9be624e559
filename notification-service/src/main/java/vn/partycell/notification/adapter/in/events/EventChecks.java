package vn.partycell.notification.adapter.in.events;

import vn.partycell.notification.application.Effect;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/** What every consumer here turns an event into besides its data: the occurrence and the outcome. */
final class EventChecks {

    private EventChecks() {}

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
