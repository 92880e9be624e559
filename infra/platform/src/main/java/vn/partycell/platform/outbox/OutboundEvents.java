package vn.partycell.platform.outbox;

import java.time.Clock;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.contracts.EventContracts;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.kernel.OrgPath;

/** Makes outbox events with a full CloudEvents envelope: new id, this service as source, schema URI. */
public class OutboundEvents {

    private final String source;
    private final JsonMapper json;
    private final Clock clock;

    public OutboundEvents(String applicationName, JsonMapper json, Clock clock) {
        this.source = "/partycell/" + applicationName;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param topic {@code <context>.<aggregate>.v<major>}; the major version picks the schema
     * @param subject the aggregate id, also the Kafka key
     */
    public OutboxEvent create(String topic, String type, String subject, OrgPath orgPath, Object data) {
        int major = Integer.parseInt(topic.substring(topic.lastIndexOf(".v") + 2));
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                source,
                type,
                subject,
                clock.instant(),
                EventContracts.schemaUri(type, major),
                orgPath.value());
        return new OutboxEvent(topic, envelope, json.writeValueAsString(data));
    }
}
