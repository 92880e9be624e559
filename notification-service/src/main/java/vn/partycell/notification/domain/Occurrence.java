package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Which event reported a fact, and when the fact happened (the event's own time, so a replay
 * builds notices with the same times as the first run).
 */
public record Occurrence(String eventId, Instant at) {

    public Occurrence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(at, "at");
    }
}
