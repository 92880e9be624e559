package vn.partycell.platform.test;

import com.networknt.schema.Error;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.contracts.EventContracts;
import vn.partycell.platform.events.CloudEventHeaders;
import vn.partycell.platform.events.EventSchemas;

/**
 * Checks a record taken off a topic against its contract: the CloudEvents headers are present and
 * well-formed, and the value validates against the JSON Schema its {@code ce_dataschema} names.
 */
public final class EventContractValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventContractValidator() {}

    /** Every violation found; empty when the record honours its contract. */
    public static List<String> violations(ConsumerRecord<String, byte[]> record) {
        List<String> problems = new ArrayList<>();
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        String dataschema = header(record, CloudEventHeaders.DATASCHEMA);
        if (!"1.0".equals(header(record, CloudEventHeaders.SPECVERSION))) {
            problems.add("ce_specversion must be 1.0");
        }
        for (String name : List.of(CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.ORGPATH)) {
            if (header(record, name) == null) {
                problems.add("missing " + name);
            }
        }
        if (!CloudEventHeaders.JSON.equals(header(record, CloudEventHeaders.CONTENT_TYPE))) {
            problems.add("content-type must be application/json");
        }
        try {
            UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            problems.add("ce_id is not a UUID: " + id);
        }
        try {
            Instant.parse(String.valueOf(header(record, CloudEventHeaders.TIME)));
        } catch (RuntimeException e) {
            problems.add("ce_time is not an RFC 3339 instant");
        }
        if (subject == null || !subject.equals(record.key())) {
            problems.add("ce_subject must equal the record key (" + record.key() + "), was " + subject);
        }
        if (type == null || !EventContracts.isKnownType(type)) {
            problems.add("unknown ce_type " + type);
            return problems;
        }
        int major = EventContracts.majorOf(record.topic()).orElse(EventContracts.CURRENT_MAJOR);
        String expectedSchema = EventContracts.schemaUri(type, major);
        if (!expectedSchema.equals(dataschema)) {
            problems.add("ce_dataschema should be " + expectedSchema + " but was " + dataschema);
        }
        JsonNode payload = JSON.readTree(record.value());
        for (Error error : EventSchemas.validate(type, major, payload)) {
            problems.add(type + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
