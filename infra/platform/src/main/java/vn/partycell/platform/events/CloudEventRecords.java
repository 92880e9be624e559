package vn.partycell.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The platform's one codec between CloudEvents and Kafka records, built on the CloudEvents SDK's
 * Kafka protocol binding in binary mode: attributes travel as {@code ce_*} headers ({@link
 * CloudEventHeaders}), the value is the JSON {@code data}, the key is the subject (the aggregate
 * id). {@code content-type} is written on the way out and optional on the way in.
 */
public final class CloudEventRecords {

    /** The CloudEvents extension carrying the org path ({@code ce_orgpath} on the wire). */
    public static final String ORGPATH_EXTENSION = "orgpath";

    private static final String KAFKA_PREFIX = "ce_";
    private static final String HTTP_PREFIX = "ce-";

    private static final List<String> REQUIRED = List.of(
            CloudEventHeaders.SPECVERSION,
            CloudEventHeaders.ID,
            CloudEventHeaders.SOURCE,
            CloudEventHeaders.TYPE,
            CloudEventHeaders.SUBJECT,
            CloudEventHeaders.TIME);

    private CloudEventRecords() {}

    /** The record an outbox relay sends: binary mode, key = subject, content-type application/json. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope envelope, byte[] payload) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON)
                .withData(payload);
        if (envelope.dataschema() != null) {
            event.withDataSchema(URI.create(envelope.dataschema()));
        }
        if (envelope.orgPath() != null) {
            event.withExtension(ORGPATH_EXTENSION, envelope.orgPath());
        }
        return KafkaMessageFactory.<String>createWriter(topic, envelope.subject())
                .writeBinary(event.build());
    }

    /**
     * The envelope of a received record from its headers; a record that is not a well-formed
     * CloudEvent (missing or malformed attributes, another spec version) is poison.
     */
    public static EventEnvelope envelope(Headers headers) {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            String value = text(headers.lastHeader(name));
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new PoisonEventException("Missing CloudEvents header(s) " + String.join(", ", missing));
        }
        String specversion = text(headers.lastHeader(CloudEventHeaders.SPECVERSION));
        if (!SpecVersion.V1.toString().equals(specversion)) {
            throw new PoisonEventException("Unsupported CloudEvents specversion: " + specversion);
        }
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(headers, new byte[0]);
            if (reader.getEncoding() != Encoding.BINARY) {
                throw new PoisonEventException("Not a CloudEvent in binary mode");
            }
            event = reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new PoisonEventException("Malformed CloudEvents headers: " + e.getMessage(), e);
        }
        if (event.getTime() == null) {
            throw new PoisonEventException("ce_time is not an RFC 3339 instant");
        }
        Object orgPath = event.getExtension(ORGPATH_EXTENSION);
        return new EventEnvelope(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                event.getTime().toInstant(),
                event.getDataSchema() == null ? null : event.getDataSchema().toString(),
                orgPath == null ? null : orgPath.toString());
    }

    /**
     * The Kafka headers of a record as the binder hands them over in a {@link
     * org.springframework.messaging.Message}: the {@code ce_*} headers and {@code content-type},
     * whatever the header mapper made of their bytes. Spring Cloud Function renames the attributes
     * of a record without {@code content-type} to the HTTP binding's {@code ce-*}; both spellings
     * are read, {@code ce_*} winning.
     */
    public static Headers headers(Map<String, Object> messageHeaders) {
        Map<String, byte[]> attributes = new TreeMap<>();
        messageHeaders.forEach((name, value) -> {
            if (name.startsWith(HTTP_PREFIX) && name.length() > HTTP_PREFIX.length()) {
                attributes.putIfAbsent(KAFKA_PREFIX + name.substring(HTTP_PREFIX.length()), bytes(value));
            }
        });
        messageHeaders.forEach((name, value) -> {
            if ((name.startsWith(KAFKA_PREFIX) && name.length() > KAFKA_PREFIX.length())
                    || CloudEventHeaders.CONTENT_TYPE.equals(name)) {
                attributes.put(name, bytes(value));
            }
        });
        RecordHeaders headers = new RecordHeaders();
        attributes.forEach(headers::add);
        return headers;
    }

    private static byte[] bytes(Object value) {
        return value instanceof byte[] b ? b : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
