package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.events.EventMetrics;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.test.InMemoryMongo;
import vn.partycell.platform.test.TopicProbe;

/**
 * What used to stall or double the relay, against a real broker and the Mongo wire protocol:
 * markers left on empty outboxes, a record the broker never accepts, a relay paused past its
 * lease, and a pass longer than the lease.
 */
class OutboxRelayResilienceTest {

    private static final String TOPIC = "test.resilient.v1";
    /** One partition with a 2 KiB record limit: the broker itself rejects a larger record. */
    private static final String SMALL_TOPIC = "test.small.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static MongoClient client;
    private static KafkaTemplate<String, byte[]> kafka;

    private final OutboundEvents events =
            new OutboundEvents("test-service", JsonMapper.builder().build(), Clock.systemUTC());

    record Thing(String id, String name, long version) {}

    record ThingData(String id, String name, long version) {}

    /** A relay with its own lease and meters, as in one service instance. */
    record Instance(OutboxRelay relay, OutboxLease lease, OutboxMetrics metrics, SimpleMeterRegistry meters) {}

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic(SMALL_TOPIC, 1, (short) 1).configs(Map.of("max.message.bytes", "2048")));
        client = MongoClients.create(InMemoryMongo.uri("outbox-resilience"));
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        2000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        4000),
                new StringSerializer(),
                new ByteArraySerializer()));
        // Warm the producer (metadata of both topics), so the tests' short send timeouts measure sends.
        kafka.send(TOPIC, "warm-up", new byte[0]).join();
        kafka.send(SMALL_TOPIC, "warm-up", new byte[0]).join();
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
        client.close();
        broker.destroy();
    }

    private static Instance instance(MongoTemplate mongo, Duration lease, Duration sendTimeout) {
        OutboxProperties properties = new OutboxProperties(
                true, List.of("things"), Duration.ofMillis(50), null, sendTimeout, lease, null, null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxMetrics metrics =
                new OutboxMetrics(mongo, properties, new EventMetrics(meters), meters, Clock.systemUTC());
        OutboxLease outboxLease = new OutboxLease(mongo, properties.lease(), Clock.systemUTC());
        return new Instance(
                new OutboxRelay(mongo, kafka, properties, outboxLease, metrics), outboxLease, metrics, meters);
    }

    private OutboxEvent event(String topic, String id, String name, long version) {
        return events.create(topic, "test.thing.renamed", id, OrgPath.of("/hy/a/"), new ThingData(id, name, version));
    }

    private static MongoTemplate db(String name) {
        return new MongoTemplate(client, name);
    }

    /** Every record on the topic for these keys, read until {@code expected} arrived and a moment more. */
    private static List<ConsumerRecord<String, byte[]>> recordsFor(String topic, List<String> keys, int expected) {
        List<ConsumerRecord<String, byte[]>> all = TopicProbe.read(
                broker.getBrokersAsString(),
                topic,
                Duration.ofSeconds(20),
                r -> r.stream().filter(x -> keys.contains(x.key())).count() >= expected);
        // Read on a little: a duplicate published late must be seen too.
        all = TopicProbe.read(broker.getBrokersAsString(), topic, Duration.ofSeconds(2), r -> false);
        return all.stream().filter(r -> keys.contains(r.key())).toList();
    }

    /** Nothing pending: no marker, and an outbox that is gone or empty. */
    private static void assertSettled(Document document) {
        assertThat(document).doesNotContainKey("outboxSince");
        assertThat(document.getList("outbox", Document.class, List.of())).isEmpty();
    }

    private static Map<String, Long> countByEventId(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void markersLeftOnEmptyOutboxesAreRepairedAndDoNotHoldBackAPendingEvent() {
        MongoTemplate db = db("stalled");
        // 250 documents a crash (or an older relay) left between its two cleanup writes: marked
        // pending, older than anything real, with an empty or no outbox. A batch is 200.
        List<Document> leftovers = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            Document doc = new Document("_id", "left-" + i)
                    .append("name", "x")
                    .append("version", 1L)
                    .append(
                            "outboxSince",
                            Date.from(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i)));
            if (i % 2 == 0) {
                doc.append("outbox", List.of());
            }
            leftovers.add(doc);
        }
        db.getCollection("things").insertMany(leftovers);
        String id = UUID.randomUUID().toString();
        OutboxEvent pending = event(TOPIC, id, "real", 1);
        new OutboxStore(db, null).insert("things", new Thing(id, "real", 1), List.of(pending));

        Instance relay = instance(db, null, null);
        assertThat(relay.relay().relayOnce()).isEqualTo(1);

        assertThat(countByEventId(recordsFor(TOPIC, List.of(id), 1)))
                .containsOnly(Map.entry(pending.envelope().id(), 1L));
        assertThat(db.getCollection("things").countDocuments(Filters.exists("outboxSince")))
                .isZero();
        // The leftovers lose their empty outboxes to the sweep; the published one keeps an empty list.
        assertThat(db.getCollection("things").countDocuments(Filters.exists("outbox")))
                .isOne();
        assertThat(db.getCollection("things").countDocuments(Filters.exists("outbox.0")))
                .isZero();
    }

    /**
     * An outbox whose marker a cleanup's compare-and-set took (a push that left the version as it
     * was, like an operator's re-queue) is marked pending again by the sweep and published.
     */
    @Test
    void anOutboxThatLostItsMarkerIsMarkedAgainBySweepAndPublished() {
        MongoTemplate db = db("unmarked");
        String id = UUID.randomUUID().toString();
        OutboxEvent lost = event(TOPIC, id, "lost", 1);
        // Events in the outbox, but no marker.
        Document document = OutboxStore.withEvents(
                new Document("_id", id).append("name", "lost").append("version", 1L), List.of(lost));
        document.remove("outboxSince");
        db.getCollection("things").insertOne(document);

        Instance relay = instance(db, null, null);
        assertThat(relay.relay().relayOnce()).isEqualTo(1);

        assertThat(countByEventId(recordsFor(TOPIC, List.of(id), 1)))
                .containsOnly(Map.entry(lost.envelope().id(), 1L));
        assertSettled(db.getCollection("things").find(new Document("_id", id)).first());
    }

    @Test
    void aRecordTheBrokerNeverAcceptsIsParkedWithItsReasonAndBlocksOnlyItsAggregate() throws Exception {
        MongoTemplate db = db("parked");
        OutboxStore store = new OutboxStore(db, null);
        String big = UUID.randomUUID().toString();
        OutboxEvent tooLarge = event(SMALL_TOPIC, big, "x".repeat(5000), 1);
        OutboxEvent afterIt = event(SMALL_TOPIC, big, "small", 2);
        // Written first, so it is the oldest pending aggregate and heads every batch.
        store.insert("things", new Thing(big, "x", 1), List.of(tooLarge));
        store.update("things", new Thing(big, "small", 2), 1, List.of(afterIt));
        List<String> others = new ArrayList<>();
        List<String> otherEventIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            OutboxEvent e = event(SMALL_TOPIC, id, "other-" + i, 1);
            store.insert("things", new Thing(id, "other-" + i, 1), List.of(e));
            others.add(id);
            otherEventIds.add(e.envelope().id());
        }

        Instance relay = instance(db, null, Duration.ofSeconds(5));
        int published = relay.relay().relayOnce();

        assertThat(published).isEqualTo(3);
        Document blocked =
                db.getCollection("things").find(new Document("_id", big)).first();
        List<Document> parked = blocked.getList("outboxParked", Document.class);
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getString("eventId"))
                .isEqualTo(tooLarge.envelope().id());
        assertThat(parked.get(0).getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parked.get(0).getDate("parkedAt")).isNotNull();
        // The aggregate's later event waits behind the parked one instead of overtaking it.
        assertThat(blocked.getList("outbox", Document.class))
                .extracting(d -> d.getString("eventId"))
                .containsExactly(afterIt.envelope().id());
        for (String id : others) {
            assertSettled(
                    db.getCollection("things").find(new Document("_id", id)).first());
        }
        assertThat(relay.meters()
                        .get("partycell.outbox.parked")
                        .tag("reason", "RecordTooLargeException")
                        .counter()
                        .count())
                .isEqualTo(1);

        // Later passes neither retry the parked record nor publish the blocked aggregate.
        assertThat(relay.relay().relayOnce()).isZero();
        relay.metrics().refresh(true);
        assertThat(relay.meters().get("partycell.outbox.parked.records").gauge().value())
                .isEqualTo(1);
        assertThat(relay.meters().get("partycell.outbox.backlog").gauge().value())
                .isEqualTo(1);
        List<String> keys = new ArrayList<>(others);
        keys.add(big);
        assertThat(countByEventId(recordsFor(SMALL_TOPIC, keys, 3)))
                .containsOnlyKeys(otherEventIds)
                .allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1));

        // The operator raises the topic's limit and re-queues: both events leave, in their order.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, SMALL_TOPIC),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", "1048576"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get(10, TimeUnit.SECONDS);
        }
        OutboxParking parking = new OutboxParking(db, null, Clock.systemUTC());
        int republished = 0;
        for (int attempt = 0; attempt < 10 && republished < 2; attempt++) {
            // The broker may apply the new limit a moment after it acknowledged the change.
            assertThat(parking.requeue("things", big)).isTrue();
            republished += relay.relay().relayOnce();
        }
        assertThat(republished).isEqualTo(2);
        assertThat(parking.requeue("things", big)).isFalse();
        assertSettled(db.getCollection("things").find(new Document("_id", big)).first());
        assertThat(db.getCollection("things").find(new Document("_id", big)).first())
                .doesNotContainKey("outboxParked");
        assertThat(recordsFor(SMALL_TOPIC, List.of(big), 2))
                .extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .containsExactly(tooLarge.envelope().id(), afterIt.envelope().id());
    }

    @Test
    void aRelayPausedPastItsLeaseStopsAndNothingIsPublishedTwice() throws Exception {
        MongoTemplate db = db("fenced");
        OutboxStore store = new OutboxStore(db, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = UUID.randomUUID().toString();
            store.insert("things", new Thing(id, "n" + i, 1), List.of(event(TOPIC, id, "n" + i, 1)));
            ids.add(id);
        }
        Instance slow = instance(db, Duration.ofMillis(2500), Duration.ofMillis(1000));
        Instance other = instance(db, Duration.ofMillis(2500), Duration.ofMillis(1000));
        CountDownLatch paused = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        // A stop-the-world pause (GC, a starved CPU) after the slow relay read its batch, just
        // before it sends: longer than its lease.
        slow.relay().beforeSend = e -> {
            if (once.compareAndSet(false, true)) {
                paused.countDown();
                sleep(3500);
            }
        };

        CompletableFuture<Integer> slowPass = CompletableFuture.supplyAsync(slow.relay()::relayOnce);
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.lease().held()).isTrue();
        long slowGeneration = slow.lease().generation();
        // The other instance takes over once the lease expired and publishes the batch.
        int publishedByOther = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publishedByOther < 5 && System.nanoTime() < deadline) {
            publishedByOther += other.relay().relayOnce();
            sleep(50);
        }
        assertThat(publishedByOther).isEqualTo(5);
        assertThat(other.lease().generation()).isEqualTo(slowGeneration + 1);

        assertThat(slowPass.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(slow.lease().held()).isFalse();
        assertThat(slow.meters().get("partycell.outbox.lease.lost").counter().count())
                .isEqualTo(1);
        Map<String, Long> perEvent = countByEventId(recordsFor(TOPIC, ids, 5));
        assertThat(perEvent)
                .hasSize(5)
                .allSatisfy((eventId, count) ->
                        assertThat(count).as("copies of %s", eventId).isEqualTo(1));
    }

    @Test
    void aPassLongerThanTheLeaseKeepsItBecauseItRenewsWhilePublishing() throws Exception {
        MongoTemplate db = db("long");
        OutboxStore store = new OutboxStore(db, null);
        String id = UUID.randomUUID().toString();
        store.insert("things", new Thing(id, "v1", 1), List.of(event(TOPIC, id, "v1", 1)));
        for (int v = 2; v <= 6; v++) {
            store.update("things", new Thing(id, "v" + v, v), v - 1, List.of(event(TOPIC, id, "v" + v, v)));
        }
        Instance relay = instance(db, Duration.ofMillis(2500), Duration.ofMillis(1000));
        Instance contender = instance(db, Duration.ofMillis(2500), Duration.ofMillis(1000));
        // Six events of one aggregate leave one per wave; each wave is slow: about 2.1 s in all, longer than the 1.5 s
        // lease.
        relay.relay().beforeSend = e -> sleep(600);

        assertThat(relay.lease().hold()).isTrue();
        long started = System.nanoTime();
        CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(relay.relay()::relayOnce);
        int takenByContender = 0;
        while (!pass.isDone()) {
            takenByContender += contender.lease().hold() ? 1 : 0;
            sleep(50);
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(pass.get()).isEqualTo(6);
        assertThat(tookMillis).isGreaterThan(2500);
        assertThat(takenByContender).isZero();
        assertThat(relay.lease().held()).isTrue();
        assertThat(relay.lease().generation()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = recordsFor(TOPIC, List.of(id), 6);
        assertThat(records)
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .satisfiesExactly(
                        v -> assertThat(v).contains("\"name\":\"v1\""),
                        v -> assertThat(v).contains("\"name\":\"v2\""),
                        v -> assertThat(v).contains("\"name\":\"v3\""),
                        v -> assertThat(v).contains("\"name\":\"v4\""),
                        v -> assertThat(v).contains("\"name\":\"v5\""),
                        v -> assertThat(v).contains("\"name\":\"v6\""));
    }

    @Test
    void anEventWrittenWhileItsAggregateIsBeingPublishedStaysPendingAndLeavesNext() {
        MongoTemplate db = db("concurrent");
        OutboxStore store = new OutboxStore(db, null);
        String id = UUID.randomUUID().toString();
        store.insert("things", new Thing(id, "first", 1), List.of(event(TOPIC, id, "first", 1)));
        Instance relay = instance(db, null, null);
        AtomicBoolean once = new AtomicBoolean();
        // A service write lands between the relay's read and its cleanup.
        relay.relay().beforeSend = e -> {
            if (once.compareAndSet(false, true)) {
                store.update("things", new Thing(id, "second", 2), 1, List.of(event(TOPIC, id, "second", 2)));
            }
        };

        assertThat(relay.relay().relayOnce()).isEqualTo(1);
        Document between =
                db.getCollection("things").find(new Document("_id", id)).first();
        assertThat(between.getList("outbox", Document.class))
                .extracting(d -> d.getString("payload"))
                .singleElement()
                .asString()
                .contains("\"name\":\"second\"");
        assertThat(between).containsKey("outboxSince");

        assertThat(relay.relay().relayOnce()).isEqualTo(1);
        assertSettled(db.getCollection("things").find(new Document("_id", id)).first());
        assertThat(recordsFor(TOPIC, List.of(id), 2))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .satisfiesExactly(
                        v -> assertThat(v).contains("\"name\":\"first\""),
                        v -> assertThat(v).contains("\"name\":\"second\""));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
