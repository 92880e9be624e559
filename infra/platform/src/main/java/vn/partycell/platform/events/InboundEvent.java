package vn.partycell.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One received event: its envelope, raw JSON data and where it came from on the broker.
 *
 * @param tree the data already parsed by {@link InboundContract#check} (the payload is parsed once),
 *     or null when it was not (an unknown type, a test): {@link #fields()} then parses it
 */
public record InboundEvent(
        EventEnvelope envelope, byte[] data, String topic, int partition, long offset, JsonMapper json, JsonNode tree) {

    public InboundEvent(
            EventEnvelope envelope, byte[] data, String topic, int partition, long offset, JsonMapper json) {
        this(envelope, data, topic, partition, offset, json, null);
    }

    /** The data read by field name (a tolerant reader); unreadable data is poison, not a retry. */
    public EventFields fields() {
        JsonNode root = tree;
        if (root == null) {
            try {
                root = json.readTree(data);
            } catch (JacksonException e) {
                throw new PoisonEventException(
                        "Event " + envelope.id() + " data is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        return EventFields.root(envelope.id(), root);
    }

    /** The data as the consumer's own record type; unreadable data is poison, not a retry. */
    public <T> T data(Class<T> type) {
        try {
            T value = tree != null ? json.treeToValue(tree, type) : json.readValue(data, type);
            if (value == null) {
                throw new PoisonEventException("Event " + envelope.id() + " has no data");
            }
            return value;
        } catch (JacksonException e) {
            throw new PoisonEventException(
                    "Event " + envelope.id() + " data is not a valid " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
