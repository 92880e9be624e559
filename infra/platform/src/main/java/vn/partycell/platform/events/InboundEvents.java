package vn.partycell.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps a consumer's {@link EventHandler} as a Spring Cloud Stream function: reads the CloudEvents
 * envelope, counts outcomes and failures, and lets failures propagate so that the binder retries
 * with backoff and then dead-letters the record with the reason in its headers.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JsonMapper json;
    private final EventMetrics metrics;

    public InboundEvents(JsonMapper json, EventMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public Consumer<Message<byte[]>> consumer(String group, EventHandler handler) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            String topic = text(headers.get(KafkaHeaders.RECEIVED_TOPIC));
            topic = topic == null ? "unknown" : topic;
            try {
                InboundEvent event = new InboundEvent(
                        envelope(headers),
                        message.getPayload(),
                        topic,
                        (int) number(headers.get(KafkaHeaders.RECEIVED_PARTITION)),
                        number(headers.get(KafkaHeaders.OFFSET)),
                        json);
                Outcome outcome = handler.handle(event);
                metrics.consumed(topic, group, outcome);
                log.debug(
                        "{} {} {} -> {}",
                        group,
                        event.envelope().type(),
                        event.envelope().id(),
                        outcome);
            } catch (RuntimeException e) {
                metrics.failed(topic, group);
                log.warn("{} failed on a record of {}: {}", group, topic, e.toString());
                throw e;
            }
        };
    }

    private static EventEnvelope envelope(MessageHeaders headers) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        String specversion = text(headers.get(CloudEventHeaders.SPECVERSION));
        if (!"1.0".equals(specversion)) {
            throw new PoisonEventException("Unsupported CloudEvents specversion: " + specversion);
        }
        Instant time;
        try {
            time = Instant.parse(required(headers, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 instant", e);
        }
        return new EventEnvelope(
                id,
                source,
                type,
                subject,
                time,
                text(headers.get(CloudEventHeaders.DATASCHEMA)),
                text(headers.get(CloudEventHeaders.ORGPATH)));
    }

    private static String required(MessageHeaders headers, String name) {
        String value = text(headers.get(name));
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return -1;
    }
}
