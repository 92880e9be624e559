package vn.partycell.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.partycell.contracts.EventContracts;
import vn.partycell.platform.events.CloudEventHeaders;

/**
 * Puts events on a topic the way another service's outbox relay would (CloudEvents binary mode),
 * or deliberately broken ones, so a consumer can be tested on its own.
 */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents(String brokers) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends a well-formed event and returns its id. */
    public String send(String topic, String type, String key, String orgPath, String json) {
        String id = UUID.randomUUID().toString();
        sendWithId(id, topic, type, key, orgPath, json);
        return id;
    }

    /** Sends a well-formed event with a chosen id: a redelivery of an event already sent. */
    public void sendWithId(String id, String topic, String type, String key, String orgPath, String json) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPECVERSION, "1.0");
        add(headers, CloudEventHeaders.ID, id);
        // Consumers accept a topic's events only from its producer (the contracts name it).
        add(
                headers,
                CloudEventHeaders.SOURCE,
                EventContracts.producerSource(topic).orElse("/partycell/test"));
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SUBJECT, key);
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.DATASCHEMA, EventContracts.schemaUri(type, 1));
        add(headers, CloudEventHeaders.ORGPATH, orgPath);
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        raw(new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), headers));
    }

    /** Sends a record with no envelope at all: poison for any consumer. */
    public void sendRaw(String topic, String key, String body) {
        raw(new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8)));
    }

    private void raw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send a test event", e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
