package vn.partycell.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** One received event: its envelope, raw JSON data and where it came from on the broker. */
public record InboundEvent(
        EventEnvelope envelope, byte[] data, String topic, int partition, long offset, JsonMapper json) {

    /** The data as the consumer's own record type; unreadable data is poison, not a retry. */
    public <T> T data(Class<T> type) {
        try {
            T value = json.readValue(data, type);
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
