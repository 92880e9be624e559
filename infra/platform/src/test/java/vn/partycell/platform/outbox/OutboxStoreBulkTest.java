package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.test.InMemoryMongo;

/** {@link OutboxStore#updateEach}: one bulk, each document still written with its events and version guard. */
class OutboxStoreBulkTest {

    record Thing(String id, String orgPath, long version) {}

    private final String db = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
    private final MongoClient client = MongoClients.create(InMemoryMongo.uri(db));
    private final MongoTemplate mongo = new MongoTemplate(client, db);
    private final AtomicInteger wakes = new AtomicInteger();
    private final List<Object> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OutboxStore store = new OutboxStore(mongo, (collection, ids) -> {
        wakes.incrementAndGet();
        handedOver.addAll(ids);
    });

    @AfterEach
    void close() {
        client.close();
    }

    private static OutboxEvent event(String subject) {
        return new OutboxEvent(
                "t.v1",
                new EventEnvelope(UUID.randomUUID().toString(), "/s", "a.b.c", subject, Instant.now(), null, "/x/"),
                "{}");
    }

    @Test
    void eachWriteLandsWithItsEventsOnlyIfStillAtTheVersionRead() {
        store.insert("things", new Thing("a", "/x/", 1), List.of());
        store.insert("things", new Thing("b", "/x/", 1), List.of());
        store.insert("things", new Thing("c", "/x/", 3), List.of());

        int written = store.updateEach(
                "things",
                List.of(
                        new OutboxStore.VersionedWrite(new Thing("a", "/y/", 2), 1, List.of(event("a"))),
                        new OutboxStore.VersionedWrite(new Thing("b", "/y/", 2), 1, List.of(event("b"))),
                        new OutboxStore.VersionedWrite(new Thing("c", "/y/", 2), 1, List.of(event("c")))));

        assertThat(written).isEqualTo(2);
        Document a =
                mongo.getCollection("things").find(new Document("_id", "a")).first();
        assertThat(a.getString("orgPath")).isEqualTo("/y/");
        assertThat(a.getLong("version")).isEqualTo(2);
        assertThat(a.getList("outbox", Document.class)).hasSize(1);
        assertThat(a.get("outboxSince")).isNotNull();
        Document c =
                mongo.getCollection("things").find(new Document("_id", "c")).first();
        assertThat(c.getString("orgPath")).isEqualTo("/x/");
        assertThat(c.get("outbox")).isNull();
        // One wake for the bulk, with every aggregate it gave events (a skipped one finds nothing new).
        assertThat(wakes.get()).isEqualTo(1);
        assertThat(handedOver).containsExactly("a", "b", "c");
        assertThat(store.updateEach("things", List.of())).isZero();
    }
}
