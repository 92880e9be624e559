package vn.partycell.platform.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.partycell.platform.events.CloudEventRecords;

/**
 * The only place an outbox event becomes a Kafka record, through the platform's one CloudEvents
 * codec (binary mode, key = aggregate id), the same one consumers read with.
 */
final class OutboxRecords {

    private OutboxRecords() {}

    static ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        return CloudEventRecords.toRecord(
                event.topic(), event.envelope(), event.payload().getBytes(StandardCharsets.UTF_8));
    }
}
