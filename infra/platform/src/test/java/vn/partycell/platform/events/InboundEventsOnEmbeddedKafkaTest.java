package vn.partycell.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.partycell.platform.events.consumerapp.ClosedMeetings;
import vn.partycell.platform.events.consumerapp.ClosedMeetingsApp;
import vn.partycell.platform.events.consumerapp.ClosedMeetingsConsumer;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.TestSecurityConfiguration;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * A consuming service on a real broker (embedded KRaft) and the MongoDB wire protocol: a store
 * outage far longer than any fixed retry budget loses nothing and keeps the record's place, while
 * records that break their contract go straight to the dead-letter topic, with the reason, unapplied.
 * Every record here is produced by hand, as kcat or a foreign producer would.
 */
@SpringBootTest(
        classes = ClosedMeetingsApp.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // A service refuses to start without its token issuer (outside the local profile).
            "partycell.security.issuer=" + TestTokens.ISSUER,
            "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI,
            "spring.application.name=closed-meetings",
            "partycell.database=closed-meetings",
            "partycell.outbox.enabled=false",
            "partycell.kafka.partitions=1",
            "partycell.events.retry.max-interval=2s",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
            "spring.cloud.function.definition=meetingEvents",
            "spring.cloud.stream.bindings.meetingEvents-in-0.destination=" + ClosedMeetingsConsumer.TOPIC,
            "spring.cloud.stream.bindings.meetingEvents-in-0.group=" + ClosedMeetingsConsumer.GROUP,
            "spring.cloud.stream.kafka.bindings.meetingEvents-in-0.consumer.enable-dlq=true",
            "spring.cloud.stream.kafka.bindings.meetingEvents-in-0.consumer.dlq-name=" + ClosedMeetingsConsumer.DLT
        })
@EmbeddedKafka(
        partitions = 1,
        topics = ClosedMeetingsConsumer.TOPIC,
        brokerProperties = {"group.initial.rebalance.delay.ms=0", "offsets.topic.num.partitions=1"})
@Import(TestSecurityConfiguration.class)
class InboundEventsOnEmbeddedKafkaTest {

    private static final String TOPIC = ClosedMeetingsConsumer.TOPIC;
    private static final String CLOSED = "meetings.meeting.closed";
    private static final String MEETINGS = "/partycell/meeting-service";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** This class's own store, so that it can be stopped and started on the same port. */
    private static MongoServer mongoServer = startMongo(0);

    private static int mongoPort;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ClosedMeetings meetings;

    @Autowired
    MongoTemplate mongo;

    private KafkaProducer<String, byte[]> producer;

    private static MongoServer startMongo(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        if (port == 0) {
            InetSocketAddress bound = server.bind();
            mongoPort = bound.getPort();
        } else {
            server.bind("127.0.0.1", port);
        }
        return server;
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        // Short timeouts: an unreachable store fails an attempt within about a second.
        registry.add(
                "spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + mongoPort
                        + "/closed-meetings?serverSelectionTimeoutMS=1000&connectTimeoutMS=500&socketTimeoutMS=2000");
    }

    @AfterAll
    static void stopMongo() {
        mongoServer.shutdownNow();
    }

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aStoreOutageLongerThanAnyRetryBudgetIsRetriedUntilItHealsAndTheEventIsAppliedOnce() throws Exception {
        String warmUp = UUID.randomUUID().toString();
        send(all(warmUp, MEETINGS, true), closedData(warmUp, 3));
        await().atMost(WAIT).until(() -> meetings.timesApplied(warmUp) == 1);

        String meetingId = UUID.randomUUID().toString();
        double retriedBefore = retried();
        mongoServer.shutdownNow();
        Instant down = Instant.now();
        try {
            send(all(meetingId, MEETINGS, true), closedData(meetingId, 5));
            // The old binder budget (3 attempts in about a second) is long gone after 8 s.
            await().atMost(WAIT)
                    .until(() ->
                            Duration.between(down, Instant.now()).toSeconds() >= 8 && retried() - retriedBefore >= 4);
            assertThat(backingOff()).isEqualTo(1);
            assertThat(meetings.timesApplied(meetingId)).isZero();
        } finally {
            mongoServer = startMongo(mongoPort);
        }

        await().atMost(WAIT).until(() -> meetings.timesApplied(meetingId) == 1);
        Document stored = mongo.getCollection(ClosedMeetings.COLLECTION)
                .find(new Document("_id", meetingId))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getLong("version")).isEqualTo(5L);
        assertThat(mongo.getCollection(ClosedMeetings.COLLECTION).countDocuments(new Document("_id", meetingId)))
                .isEqualTo(1);
        assertThat(meetings.timesApplied(meetingId)).isEqualTo(1);
        assertThat(backingOff()).isZero();
        assertThat(retried() - retriedBefore).isGreaterThanOrEqualTo(4);
        List<ConsumerRecord<String, byte[]>> dead =
                TopicProbe.read(brokers, ClosedMeetingsConsumer.DLT, Duration.ofSeconds(3), r -> false);
        assertThat(dead).noneMatch(r -> meetingId.equals(r.key()));
    }

    @Test
    void recordsBreakingTheContractAreDeadLetteredAtOnceWithTheReasonAndNoneIsApplied() throws Exception {
        String wrongSource = UUID.randomUUID().toString();
        String badSchema = UUID.randomUUID().toString();
        String farAhead = UUID.randomUUID().toString();
        String noContentType = UUID.randomUUID().toString();
        String refersToNothing = UUID.randomUUID().toString();
        String breaksARule = UUID.randomUUID().toString();
        double retriedBefore = retried();

        RecordHeaders forged = all(wrongSource, "/partycell/member-service", true);
        RecordMetadata forgedAt = send(forged, closedData(wrongSource, 2));
        send(all(badSchema, MEETINGS, true), closedData(badSchema, 2).replace("\"title\":", "\"titel\":"));
        send(
                all(farAhead, MEETINGS, true),
                closedData(farAhead, 2).replace("\"version\":2", "\"version\":" + Long.MAX_VALUE));
        String title = "Sinh hoạt chi bộ thường kỳ tháng 11/2026";
        send(
                all(refersToNothing, MEETINGS, true),
                closedData(refersToNothing, 2).replace(title, "Không có chi bộ"));
        send(all(breaksARule, MEETINGS, true), closedData(breaksARule, 2).replace(title, "Đã kết thúc"));
        // Every ce_* header but no content-type (kcat without -H content-type=...): still a CloudEvent.
        send(all(noContentType, MEETINGS, false), closedData(noContentType, 2));

        await().atMost(WAIT).until(() -> meetings.timesApplied(noContentType) == 1);
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.read(
                brokers,
                ClosedMeetingsConsumer.DLT,
                WAIT,
                r -> List.of(wrongSource, badSchema, farAhead, refersToNothing, breaksARule).stream()
                        .allMatch(k -> r.stream().anyMatch(x -> k.equals(x.key()))));

        assertThat(reason(dead, wrongSource))
                .contains("ce_source")
                .contains("/partycell/member-service")
                .contains(MEETINGS);
        assertThat(reason(dead, badSchema)).contains("breaks its schema").contains("title");
        assertThat(reason(dead, farAhead)).contains("breaks its schema").contains("/version");
        assertThat(EventContractValidator.header(one(dead, refersToNothing), "x-exception-fqcn"))
                .isEqualTo("vn.partycell.platform.kernel.NotFoundException");
        assertThat(EventContractValidator.header(one(dead, breaksARule), "x-exception-fqcn"))
                .isEqualTo("vn.partycell.platform.kernel.RuleViolationException");
        assertThat(reason(dead, breaksARule)).contains("already final");
        assertThat(dead).noneMatch(r -> noContentType.equals(r.key()));
        for (String meetingId : List.of(wrongSource, badSchema, farAhead, refersToNothing, breaksARule)) {
            assertThat(meetings.timesApplied(meetingId)).as(meetingId).isZero();
            assertThat(mongo.getCollection(ClosedMeetings.COLLECTION).countDocuments(new Document("_id", meetingId)))
                    .isZero();
        }

        // The dead letter is the original record (key, value, ce_* headers) plus where it came from and why.
        ConsumerRecord<String, byte[]> letter = one(dead, wrongSource);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(closedData(wrongSource, 2));
        assertThat(EventContractValidator.header(letter, "ce_id"))
                .isEqualTo(new String(forged.lastHeader("ce_id").value(), StandardCharsets.UTF_8));
        assertThat(EventContractValidator.header(letter, "ce_source")).isEqualTo("/partycell/member-service");
        assertThat(EventContractValidator.header(letter, "ce_orgpath")).isEqualTo("/hy/a/cb-01/");
        assertThat(EventContractValidator.header(letter, "x-original-topic")).isEqualTo(TOPIC);
        assertThat(ByteBuffer.wrap(letter.headers()
                                .lastHeader("x-original-partition")
                                .value())
                        .getInt())
                .isEqualTo(forgedAt.partition());
        assertThat(ByteBuffer.wrap(
                                letter.headers().lastHeader("x-original-offset").value())
                        .getLong())
                .isEqualTo(forgedAt.offset());
        assertThat(EventContractValidator.header(letter, "x-exception-fqcn"))
                .isEqualTo("vn.partycell.platform.events.PoisonEventException");

        // Poison is not retried: no backoff step was counted for it.
        assertThat(retried()).isEqualTo(retriedBefore);
        assertThat(meters.find("partycell.events.dead_lettered")
                        .tags("topic", TOPIC, "group", ClosedMeetingsConsumer.GROUP)
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(5));
    }

    private double retried() {
        return meters
                .find("partycell.events.retried")
                .tags("topic", TOPIC, "group", ClosedMeetingsConsumer.GROUP)
                .counters()
                .stream()
                .filter(c -> c.getId().getTag("reason") != null)
                .mapToDouble(Counter::count)
                .sum();
    }

    private double backingOff() {
        Gauge gauge = meters.find("partycell.events.backing_off").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static ConsumerRecord<String, byte[]> one(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String reason(List<ConsumerRecord<String, byte[]>> records, String key) {
        return EventContractValidator.header(one(records, key), "x-exception-message");
    }

    private static RecordHeaders all(String meetingId, String source, boolean contentType) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", UUID.randomUUID().toString());
        add(headers, "ce_source", source);
        add(headers, "ce_type", CLOSED);
        add(headers, "ce_subject", meetingId);
        add(headers, "ce_time", "2026-11-30T03:30:00Z");
        add(headers, "ce_dataschema", "https://schemas.partycell.vn/events/meetings.meeting.closed.v1.json");
        add(headers, "ce_orgpath", "/hy/a/cb-01/");
        if (contentType) {
            add(headers, "content-type", "application/json");
        }
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String closedData(String meetingId, long version) {
        return """
                {"meetingId":"%s","cellId":"3f0c6f7e-2b1a-4d35-9a57-0d1e8c2b7a41","orgPath":"/hy/a/cb-01/",\
                "kind":"REGULAR","title":"Sinh hoạt chi bộ thường kỳ tháng 11/2026",\
                "startsAt":"2026-11-30T01:00:00Z","closedAt":"2026-11-30T03:30:00Z","year":2026,"month":11,\
                "attendance":[{"memberId":"5e8a2f10-7c3b-4d9e-a1f2-3b4c5d6e7f80","status":"PRESENT","reason":null,\
                "spoke":true}],"quorum":{"eligible":1,"present":1,"required":1},"version":%d}""".formatted(meetingId, version);
    }

    private RecordMetadata send(RecordHeaders headers, String json) throws Exception {
        String key = new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8);
        return producer.send(new ProducerRecord<>(TOPIC, null, key, json.getBytes(StandardCharsets.UTF_8), headers))
                .get(10, TimeUnit.SECONDS);
    }
}
