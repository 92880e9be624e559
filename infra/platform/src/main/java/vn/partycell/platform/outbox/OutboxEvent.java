package vn.partycell.platform.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import vn.partycell.platform.events.EventEnvelope;

/**
 * An event waiting in its aggregate's document until the relay has published it. It is written in
 * the same document write as the state change that caused it.
 */
public record OutboxEvent(String topic, EventEnvelope envelope, String payload) {

    Document toDocument() {
        return new Document("eventId", envelope.id())
                .append("topic", topic)
                .append("type", envelope.type())
                .append("source", envelope.source())
                .append("subject", envelope.subject())
                .append("time", Date.from(envelope.time()))
                .append("dataschema", envelope.dataschema())
                .append("orgPath", envelope.orgPath())
                .append("payload", payload);
    }

    static OutboxEvent fromDocument(Document d) {
        return new OutboxEvent(
                d.getString("topic"),
                new EventEnvelope(
                        d.getString("eventId"),
                        d.getString("source"),
                        d.getString("type"),
                        d.getString("subject"),
                        d.getDate("time").toInstant(),
                        d.getString("dataschema"),
                        d.getString("orgPath")),
                d.getString("payload"));
    }

    Instant time() {
        return envelope.time();
    }
}
