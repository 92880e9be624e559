package vn.partycell.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents attributes of one event plus the org path of the record it concerns. The
 * {@code subject} is the aggregate id, which is also the Kafka key, so one aggregate's events stay
 * in order.
 */
public record EventEnvelope(
        String id, String source, String type, String subject, Instant time, String dataschema, String orgPath) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
    }
}
