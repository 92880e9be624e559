package vn.partycell.platform.outbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import vn.partycell.platform.events.CloudEventHeaders;
import vn.partycell.platform.events.EventEnvelope;

/**
 * The only place an outbox event becomes a Kafka record: CloudEvents binary mode, key = aggregate
 * id. Swap the body for the shared CloudEvents codec when it exists.
 */
final class OutboxRecords {

    private OutboxRecords() {}

    static ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        EventEnvelope e = event.envelope();
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPECVERSION, "1.0");
        header(headers, CloudEventHeaders.ID, e.id());
        header(headers, CloudEventHeaders.SOURCE, e.source());
        header(headers, CloudEventHeaders.TYPE, e.type());
        header(headers, CloudEventHeaders.SUBJECT, e.subject());
        header(headers, CloudEventHeaders.TIME, e.time().toString());
        header(headers, CloudEventHeaders.DATASCHEMA, e.dataschema());
        header(headers, CloudEventHeaders.ORGPATH, e.orgPath());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(
                event.topic(), null, e.subject(), event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
