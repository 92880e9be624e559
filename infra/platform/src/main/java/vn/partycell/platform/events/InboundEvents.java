package vn.partycell.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wraps a consumer's {@link EventHandler} as a Spring Cloud Stream function: reads the CloudEvents
 * envelope ({@link CloudEventRecords}), checks the record against its contract ({@link
 * InboundContract}), counts outcomes, and lets failures propagate to {@link InboundFailureHandling},
 * which dead-letters poison at once and retries everything else until it is applied.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final JsonMapper json;
    private final EventMetrics metrics;
    private final InboundContract contract;
    private final BackingOffRecords backingOff;

    public InboundEvents(
            JsonMapper json, EventMetrics metrics, InboundContract contract, BackingOffRecords backingOff) {
        this.json = json;
        this.metrics = metrics;
        this.contract = contract;
        this.backingOff = backingOff;
    }

    public Consumer<Message<byte[]>> consumer(String group, EventHandler handler) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            String topic = text(headers.get(KafkaHeaders.RECEIVED_TOPIC));
            topic = topic == null ? "unknown" : topic;
            int partition = (int) number(headers.get(KafkaHeaders.RECEIVED_PARTITION));
            long offset = number(headers.get(KafkaHeaders.OFFSET));
            EventEnvelope envelope = CloudEventRecords.envelope(CloudEventRecords.headers(headers));
            JsonNode checked = contract.check(topic, envelope, message.getPayload());
            InboundEvent event =
                    new InboundEvent(envelope, message.getPayload(), topic, partition, offset, json, checked);
            Outcome outcome = handler.handle(event);
            metrics.consumed(topic, group, outcome);
            OptionalInt failedBefore = backingOff.applied(group, topic, partition, offset);
            if (failedBefore.isPresent()) {
                log.info(
                        "Consumer group {} applied {}-{}@{} after {} failed attempt(s): {} {} -> {}",
                        group,
                        topic,
                        partition,
                        offset,
                        failedBefore.getAsInt(),
                        envelope.type(),
                        envelope.id(),
                        outcome);
            } else {
                log.debug("{} {} {} -> {}", group, envelope.type(), envelope.id(), outcome);
            }
        };
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
