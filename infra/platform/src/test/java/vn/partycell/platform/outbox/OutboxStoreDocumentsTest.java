package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.test.InMemoryMongo;

/**
 * The helpers for adapters that write their own documents (conditional or bulk writes): the
 * events travel in the same write, and an update keeps the outbox entries the relay still owns.
 */
class OutboxStoreDocumentsTest {

    private static MongoClient client;
    private static final Instant EARLY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-02-01T00:00:00Z");

    @BeforeAll
    static void start() {
        client = MongoClients.create(InMemoryMongo.uri("outbox-documents"));
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static OutboxEvent event(Instant at, String name) {
        return new OutboundEvents("test-service", JsonMapper.builder().build(), Clock.fixed(at, ZoneOffset.UTC))
                .create("test.thing.v1", "test.thing.renamed", "t1", OrgPath.of("/hy/a/"), new Document("name", name));
    }

    @Test
    void anInsertedDocumentCarriesItsEventsAndAnUpdateAppendsWithoutDroppingPendingOrParkedOnes() {
        MongoCollection<Document> things =
                client.getDatabase("outbox-documents").getCollection("things");
        things.insertOne(OutboxStore.withEvents(
                new Document("_id", "t1").append("name", "a").append("count", 1), List.of(event(LATE, "a"))));
        // The relay parked something meanwhile: no adapter write may resurrect or drop it.
        things.updateOne(new Document("_id", "t1"), new Document("$set", new Document("outboxParked", List.of("p"))));

        Document next = new Document("_id", "t1")
                .append("name", "b")
                .append("count", 2)
                .append("outbox", List.of())
                .append("outboxParked", List.of());
        things.updateOne(
                new Document("_id", "t1").append("count", 1),
                OutboxStore.updateWithEvents(next, List.of(event(EARLY, "b"))));

        Document stored = things.find(new Document("_id", "t1")).first();
        assertThat(stored.getString("name")).isEqualTo("b");
        assertThat(stored.getInteger("count")).isEqualTo(2);
        assertThat(stored.getList("outbox", Document.class))
                .extracting(d -> d.getString("payload"))
                .containsExactly("{\"name\":\"a\"}", "{\"name\":\"b\"}");
        assertThat(stored.getDate("outboxSince")).isEqualTo(Date.from(EARLY));
        assertThat(stored.getList("outboxParked", String.class)).containsExactly("p");
    }

    @Test
    void withoutEventsNothingIsMarkedPendingAndTheRelayIsNotWoken() {
        assertThat(OutboxStore.withEvents(new Document("_id", "x"), List.of()))
                .doesNotContainKeys("outbox", "outboxSince");
        assertThat(OutboxStore.updateWithEvents(new Document("_id", "x").append("a", 1), List.of()))
                .isEqualTo(new Document("$set", new Document("a", 1)));
        AtomicInteger woken = new AtomicInteger();
        OutboxStore store = new OutboxStore(null, (collection, ids) -> woken.incrementAndGet());
        store.eventsWritten("things", List.of());
        assertThat(woken).hasValue(0);
        store.eventsWritten("things", List.of("a"));
        assertThat(woken).hasValue(1);
    }
}
