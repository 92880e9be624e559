package vn.partycell.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/** The event counters operations watch: published, consumed (by outcome), retried (by reason), dead-lettered. */
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String topic, String type) {
        Counter.builder("partycell.events.published")
                .description("Events the outbox relay published and Kafka acknowledged")
                .tag("topic", topic)
                .tag("type", type)
                .register(registry)
                .increment();
    }

    public void consumed(String topic, String group, Outcome outcome) {
        Counter.builder("partycell.events.consumed")
                .description("Events consumed, by outcome")
                .tag("topic", topic)
                .tag("group", group)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    /** One failed attempt of an infrastructure failure, retried after a backoff; reason = exception class. */
    public void retried(String topic, String group, String reason) {
        Counter.builder("partycell.events.retried")
                .description(
                        "Failed attempts to apply an event that are retried after a backoff (infrastructure failures)")
                .tag("topic", topic)
                .tag("group", group)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void deadLettered(String topic, String group) {
        Counter.builder("partycell.events.dead_lettered")
                .description("Events sent to a dead-letter topic")
                .tag("topic", topic)
                .tag("group", group)
                .register(registry)
                .increment();
    }
}
