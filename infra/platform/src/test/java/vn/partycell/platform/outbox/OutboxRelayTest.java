package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The outbox against a real broker and the Mongo wire protocol: what is written with the state is
 * published in order, survives a crash before sending and a broker outage, and leaves once acked.
 */
class OutboxRelayTest {

    private static final String TOPIC = "test.thing.v1";
    private static EmbeddedKafkaKraftBroker broker;
    private static MongoClient client;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventMetrics metrics = new EventMetrics(meters);
    private final OutboundEvents events =
            new OutboundEvents("test-service", JsonMapper.builder().build(), Clock.systemUTC());
    private MongoTemplate mongo;

    record Thing(String id, String name, long version) {}

    record ThingData(String id, String name, long version) {}

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.afterPropertiesSet();
        client = MongoClients.create(InMemoryMongo.uri("outbox"));
    }

    @AfterAll
    static void stop() {
        client.close();
        broker.destroy();
    }

    private MongoTemplate mongo(String db) {
        mongo = new MongoTemplate(client, db);
        return mongo;
    }

    private static KafkaTemplate<String, byte[]> kafka(String brokers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                2000);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    private OutboxRelay relay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka) {
        OutboxProperties properties = new OutboxProperties(
                true, List.of("things"), Duration.ofMillis(50), 100, Duration.ofSeconds(3), null, null, null);
        OutboxMetrics outboxMetrics = new OutboxMetrics(mongo, properties, metrics, meters, Clock.systemUTC());
        return new OutboxRelay(
                mongo, kafka, properties, new OutboxLease(mongo, properties.lease(), Clock.systemUTC()), outboxMetrics);
    }

    private OutboxEvent event(String id, String name, long version) {
        return events.create(TOPIC, "test.thing.renamed", id, OrgPath.of("/hy/a/"), new ThingData(id, name, version));
    }

    @Test
    void stateAndEventsAreOneWriteAndEventsLeaveInOrderOnceAcked() {
        MongoTemplate db = mongo("ordered");
        String id = UUID.randomUUID().toString();
        OutboxStore store = new OutboxStore(db, null);
        store.insert("things", new Thing(id, "a", 1), List.of(event(id, "a", 1)));
        store.update("things", new Thing(id, "b", 2), 1, List.of(event(id, "b", 2), event(id, "c", 2)));

        Document stored =
                db.getCollection("things").find(new Document("_id", id)).first();
        assertThat(stored.getString("name")).isEqualTo("b");
        assertThat(stored.getList("outbox", Document.class)).hasSize(3);

        int published = relay(db, kafka(broker.getBrokersAsString())).relayOnce();

        assertThat(published).isEqualTo(3);
        Document after =
                db.getCollection("things").find(new Document("_id", id)).first();
        assertThat(after).doesNotContainKey("outboxSince");
        assertThat(after.getList("outbox", Document.class, List.of())).isEmpty();
        List<String> names = TopicProbe.read(
                        broker.getBrokersAsString(),
                        TOPIC,
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> id.equals(x.key())).count() >= 3)
                .stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(names).hasSize(3);
        assertThat(names.get(0)).contains("\"name\":\"a\"");
        assertThat(names.get(1)).contains("\"name\":\"b\"");
        assertThat(names.get(2)).contains("\"name\":\"c\"");
        assertThat(meters.counter("partycell.events.published", "topic", TOPIC, "type", "test.thing.renamed")
                        .count())
                .isGreaterThanOrEqualTo(3);
    }

    /**
     * The local store answers a filter from an index only when its keys are exactly a unique index's:
     * a per-aggregate cleanup with any further condition would read the whole collection once per
     * published aggregate (an import of 100,000 members slowed to a crawl on it). Every per-aggregate
     * write of a pass is by {@code _id} or by {@code (_id, version)}; only the safety sweep filters
     * otherwise, on the first pass and then once per sweep interval, not on every pass.
     */
    @Test
    void aPassWritesEachPublishedAggregateByUniqueKeysAndSweepsOnlyWhenDue() {
        List<BsonDocument> filters = new CopyOnWriteArrayList<>();
        try (MongoClient watched = watching(
                "update",
                command -> command.getArray("updates")
                        .forEach(
                                u -> filters.add(u.asDocument().getDocument("q").clone())))) {
            MongoTemplate db = new MongoTemplate(watched, "by-id");
            OutboxStore store = new OutboxStore(db, null);
            OutboxRelay relay = relay(db, kafka(broker.getBrokersAsString()));
            List<String> ids = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                filters.clear();
                for (int i = 0; i < 20; i++) {
                    String id = UUID.randomUUID().toString();
                    store.insert("things", new Thing(id, "n" + i, 1), List.of(event(id, "n" + i, 1)));
                    ids.add(id);
                }

                assertThat(relay.relayOnce()).isEqualTo(20);

                // One write per aggregate: the acked events and the marker, on the version read.
                assertThat(filters.stream().filter(f -> f.keySet().equals(Set.of("_id"))))
                        .isEmpty();
                assertThat(filters.stream().filter(f -> f.keySet().equals(Set.of("_id", "version"))))
                        .hasSize(20);
                assertThat(filters.stream()
                                .filter(f -> !f.keySet().equals(Set.of("_id"))
                                        && !f.keySet().equals(Set.of("_id", "version"))))
                        .as("writes not by a unique key, round " + round)
                        .hasSize(round == 0 ? 2 : 0);
            }
            for (String id : ids) {
                Document stored =
                        db.getCollection("things").find(new Document("_id", id)).first();
                assertThat(stored).doesNotContainKey("outboxSince");
                assertThat(stored.getList("outbox", Document.class, List.of())).isEmpty();
            }
        }
    }

    @Test
    void writtenAggregatesAreReadByTheirIdsAndTheMarkersOnlyByAScan() {
        List<BsonDocument> finds = new CopyOnWriteArrayList<>();
        try (MongoClient watched = watching(
                "find", command -> finds.add(command.getDocument("filter").clone()))) {
            MongoTemplate db = new MongoTemplate(watched, "hinted");
            // A poll of an hour: after the first pass no scan is due in this test.
            OutboxProperties properties = new OutboxProperties(
                    true, List.of("things"), Duration.ofHours(1), 100, Duration.ofSeconds(3), null, null, null);
            OutboxRelay relay = new OutboxRelay(
                    db,
                    kafka(broker.getBrokersAsString()),
                    properties,
                    new OutboxLease(db, properties.lease(), Clock.systemUTC()),
                    new OutboxMetrics(db, properties, metrics, meters, Clock.systemUTC()));
            assertThat(relay.relayOnce()).isZero();
            OutboxStore store = new OutboxStore(db, relay);
            for (int i = 0; i < 20; i++) {
                String id = UUID.randomUUID().toString();
                store.insert("things", new Thing(id, "n" + i, 1), List.of(event(id, "n" + i, 1)));
            }
            finds.clear();

            assertThat(relay.relayOnce(false)).isEqualTo(20);
            assertThat(finds)
                    .as("what a pass read")
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.keySet()).containsExactly("_id"));

            // Another instance's write is not handed over: the next scan finds it by its marker.
            String foreign = UUID.randomUUID().toString();
            new OutboxStore(db, null)
                    .insert("things", new Thing(foreign, "elsewhere", 1), List.of(event(foreign, "elsewhere", 1)));
            assertThat(relay.relayOnce(false)).isZero();
            assertThat(relay.relayOnce()).isEqualTo(1);
            assertThat(db.getCollection("things")
                            .find(new Document("_id", foreign))
                            .first())
                    .doesNotContainKey("outboxSince");
        }
    }

    /**
     * A client that shows {@code seen} every {@code commandName} command on "things" as it starts
     * (clone what you keep: the driver releases the command's buffers afterwards).
     */
    private static MongoClient watching(String commandName, Consumer<BsonDocument> seen) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                if (event.getCommandName().equals(commandName)
                        && command.getString(commandName).getValue().equals("things")) {
                    seen.accept(command);
                }
            }
        };
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(InMemoryMongo.uri("outbox")))
                .addCommandListener(listener)
                .build());
    }

    @Test
    void aStaleVersionWritesNothing() {
        MongoTemplate db = mongo("stale");
        String id = UUID.randomUUID().toString();
        OutboxStore store = new OutboxStore(db, null);
        store.insert("things", new Thing(id, "a", 1), List.of());
        store.update("things", new Thing(id, "b", 2), 1, List.of(event(id, "b", 2)));

        assertThatThrownBy(() -> store.update("things", new Thing(id, "x", 2), 1, List.of(event(id, "x", 2))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Document stored =
                db.getCollection("things").find(new Document("_id", id)).first();
        assertThat(stored.getString("name")).isEqualTo("b");
        assertThat(stored.getList("outbox", Document.class)).hasSize(1);
    }

    @Test
    void eventsWrittenBeforeACrashOrDuringABrokerOutageArriveLaterExactlyOnce() {
        MongoTemplate db = mongo("outage");
        String id = UUID.randomUUID().toString();
        new OutboxStore(db, null).insert("things", new Thing(id, "kept", 1), List.of(event(id, "kept", 1)));

        // The broker is unreachable: the pass fails and the event stays where it was written.
        KafkaTemplate<String, byte[]> unreachable = kafka("127.0.0.1:1");
        OutboxRelay crashed = relay(db, unreachable);
        assertThatThrownBy(crashed::relayOnce).isInstanceOf(IllegalStateException.class);
        // It stops (gracefully here, so the next one need not wait for the lease to expire).
        crashed.stop();
        assertThat(db.getCollection("things")
                        .find(new Document("_id", id))
                        .first()
                        .getList("outbox", Document.class))
                .hasSize(1);

        // A new process (a restarted service) with the broker back publishes it, and only once.
        OutboxRelay restarted = relay(db, kafka(broker.getBrokersAsString()));
        assertThat(restarted.relayOnce()).isEqualTo(1);
        assertThat(restarted.relayOnce()).isZero();
        List<ConsumerRecord<String, byte[]>> records =
                TopicProbe.read(broker.getBrokersAsString(), TOPIC, Duration.ofSeconds(5), r -> false);
        assertThat(records.stream().filter(r -> id.equals(r.key()))).hasSize(1);
    }

    @Test
    void theRunningRelayPublishesWithoutBeingAskedAndReportsItsBacklog() throws Exception {
        MongoTemplate db = mongo("running");
        OutboxRelay relay = relay(db, kafka(broker.getBrokersAsString()));
        OutboxStore store = new OutboxStore(db, relay);
        relay.start();
        try {
            String id = UUID.randomUUID().toString();
            store.insert("things", new Thing(id, "live", 1), List.of(event(id, "live", 1)));
            List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                    broker.getBrokersAsString(),
                    TOPIC,
                    Duration.ofSeconds(20),
                    r -> r.stream().anyMatch(x -> id.equals(x.key())));
            assertThat(records).anyMatch(r -> id.equals(r.key()));
            // The gauges are refreshed every few seconds, not on every publish: wait for the next refresh.
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (meters.get("partycell.outbox.backlog").gauge().value() != 0 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(meters.get("partycell.outbox.backlog").gauge().value()).isZero();
        } finally {
            relay.stop();
        }
    }
}
