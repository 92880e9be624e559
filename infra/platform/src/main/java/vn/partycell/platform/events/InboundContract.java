package vn.partycell.platform.events;

import com.networknt.schema.Error;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.contracts.EventContracts;

/**
 * What a consumer trusts of a record: only what the contracts allow. The record must come from the
 * producer of its topic, and a known event type must be one published on that topic with data that
 * validates against its JSON Schema (compiled once per schema). An unknown type is let through so
 * the handler can ignore it (tolerant reader). Every violation is poison.
 */
public class InboundContract {

    private static final int MAX_REPORTED_ERRORS = 5;

    private final JsonMapper json;

    public InboundContract(JsonMapper json) {
        this.json = json;
    }

    /**
     * Throws {@link PoisonEventException} when the record breaks its topic's contract. Returns the
     * data as the tree the schema was checked on, so the consumer does not parse it again, or null
     * for a type without a contract (the handler passes it by).
     */
    public JsonNode check(String topic, EventEnvelope envelope, byte[] data) {
        Optional<String> producer = EventContracts.producerSource(topic);
        if (producer.isEmpty()) {
            throw new PoisonEventException("Event " + envelope.id() + " arrived on " + topic
                    + ", a topic without a contract (no known producer)");
        }
        if (!producer.get().equals(envelope.source())) {
            throw new PoisonEventException("Event " + envelope.id() + " has ce_source " + envelope.source()
                    + " but only " + producer.get() + " publishes on " + topic);
        }
        if (!EventContracts.isKnownType(envelope.type())) {
            return null;
        }
        int major = EventContracts.majorOf(topic).orElse(EventContracts.CURRENT_MAJOR);
        if (!topic.equals(EventContracts.topic(envelope.type(), major))) {
            throw new PoisonEventException(
                    "Event " + envelope.id() + " of type " + envelope.type() + " is not published on " + topic);
        }
        JsonNode payload;
        try {
            payload = json.readTree(data);
        } catch (JacksonException e) {
            throw new PoisonEventException(
                    "Event " + envelope.id() + " data is not JSON: " + e.getOriginalMessage(), e);
        }
        if (payload == null || payload.isMissingNode()) {
            throw new PoisonEventException("Event " + envelope.id() + " has no data");
        }
        List<Error> errors = EventSchemas.validate(envelope.type(), major, payload);
        if (!errors.isEmpty()) {
            StringBuilder reason = new StringBuilder("Event ")
                    .append(envelope.id())
                    .append(" of type ")
                    .append(envelope.type())
                    .append(" breaks its schema: ");
            errors.stream()
                    .limit(MAX_REPORTED_ERRORS)
                    .forEach(e -> reason.append(e.getInstanceLocation())
                            .append(' ')
                            .append(e.getMessage())
                            .append("; "));
            if (errors.size() > MAX_REPORTED_ERRORS) {
                reason.append(errors.size() - MAX_REPORTED_ERRORS).append(" more");
            }
            throw new PoisonEventException(reason.toString().strip());
        }
        return payload;
    }
}
