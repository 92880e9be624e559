package vn.partycell.benchmarks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;

/**
 * The two floors under the pipeline, measured on the same broker and store in the same run: moving
 * the same MeetingClosed records through Kafka with nothing else, and doing the store work
 * evaluation-service does for the same meetings (read the scorecards, one conditional bulk write per
 * meeting) with nothing else.
 */
final class Baselines {

    record Result(int count, double perSecond, Latencies latencies, int rowsPerItem) {}

    private final String kafka;
    private final String run;
    private final List<ConsumerRecord<String, byte[]>> closed = new ArrayList<>();

    Baselines(String kafka, MongoClient mongo, String run) {
        this.kafka = kafka;
        this.run = run;
    }

    /** The MeetingClosed records the pipeline published for this run's meetings, as they are on the wire. */
    private List<ConsumerRecord<String, byte[]>> closedRecords(Set<String> meetingIds) {
        if (!closed.isEmpty()) {
            return closed;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-reader-" + run,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("meetings.meeting.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (closed.size() < meetingIds.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Header type = r.headers().lastHeader("ce_type");
                    if (meetingIds.contains(r.key())
                            && type != null
                            && new String(type.value(), StandardCharsets.UTF_8).equals("meetings.meeting.closed")) {
                        closed.add(r);
                    }
                }
            }
        }
        if (closed.isEmpty()) {
            throw new IllegalStateException("No MeetingClosed records of this run found on meetings.meeting.v1");
        }
        return closed;
    }

    /** Produce→consume of {@code count} records cycling through the same payloads and headers. */
    Result kafka(Set<String> meetingIds, int count) throws Exception {
        List<ConsumerRecord<String, byte[]>> payloads = closedRecords(meetingIds);
        String topic = "bench.baseline." + run;
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Latencies latencies = new Latencies();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                "bench-" + run),
                        new StringDeserializer(),
                        new ByteArrayDeserializer());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                5),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            consumer.poll(Duration.ofMillis(100));
            long first = System.nanoTime();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < count; i++) {
                    ConsumerRecord<String, byte[]> source = payloads.get(i % payloads.size());
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, source.key(), source.value());
                    source.headers().forEach(h -> record.headers().add(h));
                    record.headers()
                            .add(
                                    "bench-sent",
                                    ByteBuffer.allocate(8)
                                            .putLong(System.nanoTime())
                                            .array());
                    producer.send(record);
                }
                producer.flush();
            });
            int received = 0;
            long last = first;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (received < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(
                                    r.headers().lastHeader("bench-sent").value())
                            .getLong();
                    latencies.add((now - sent) / 1e6);
                    received++;
                    last = now;
                }
            }
            sender.join();
            return new Result(received, received / ((last - first) / 1e9), latencies, 1);
        }
    }

    /**
     * The store work evaluation-service does per MeetingClosed, with nothing else around it (see
     * MongoScorecardStore): a conditional update of the cell record, one read of the meeting's member
     * scorecards, then one unordered bulk of conditional inserts (first meeting of the year) or
     * whole-document replacements guarded by the meeting count read and "does not hold this meeting
     * yet". The run's own MeetingClosed records are replayed in the order they were published into an
     * empty database, so the documents grow exactly as the pipeline's did.
     */
    Result store(MongoClient mongo, Set<String> meetingIds, int members) {
        List<ConsumerRecord<String, byte[]>> payloads = closedRecords(meetingIds);
        MongoDatabase db = mongo.getDatabase("bench_floor_" + run);
        MongoCollection<Document> scorecards = db.getCollection("scorecards");
        MongoCollection<Document> cells = db.getCollection("cells");
        Latencies latencies = new Latencies();
        long first = System.nanoTime();
        for (ConsumerRecord<String, byte[]> record : payloads) {
            long start = System.nanoTime();
            JsonNode event = Api.JSON.readTree(record.value());
            String meetingId = event.path("meetingId").asString();
            String cellId = event.path("cellId").asString();
            int year = event.path("year").asInt();
            Date startsAt = Date.from(Instant.parse(event.path("startsAt").asString()));
            Bson olderThanThis = and(
                    eq("_id", cellId),
                    or(
                            lt("latestStartsAt", startsAt),
                            and(eq("latestStartsAt", startsAt), lt("latestMeetingId", meetingId))));
            Document set = new Document(
                    "$set",
                    new Document("orgPath", event.path("orgPath").asString())
                            .append("latestStartsAt", startsAt)
                            .append("latestMeetingId", meetingId));
            if (cells.updateOne(olderThanThis, set).getMatchedCount() == 0) {
                try {
                    cells.insertOne(new Document("_id", cellId)
                            .append("orgPath", event.path("orgPath").asString())
                            .append("latestStartsAt", startsAt)
                            .append("latestMeetingId", meetingId));
                } catch (MongoWriteException alreadyThere) {
                    // a later meeting of the cell was recorded first
                }
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode a : event.path("attendance")) {
                ids.add(a.path("memberId").asString() + ":" + year);
            }
            Map<String, Document> stored = new HashMap<>();
            for (Document d : scorecards.find(in("_id", ids))) {
                stored.put(d.getString("_id"), d);
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (JsonNode a : event.path("attendance")) {
                String id = a.path("memberId").asString() + ":" + year;
                Document current = stored.get(id);
                List<Document> entries =
                        new ArrayList<>(current == null ? List.of() : current.getList("meetings", Document.class));
                if (entries.stream().anyMatch(e -> meetingId.equals(e.getString("meetingId")))) {
                    continue;
                }
                entries.add(new Document("meetingId", meetingId)
                        .append("cellId", cellId)
                        .append("orgPath", event.path("orgPath").asString())
                        .append("kind", event.path("kind").asString())
                        .append("title", event.path("title").asString())
                        .append("startsAt", event.path("startsAt").asString())
                        .append("month", event.path("month").asInt())
                        .append("status", a.path("status").asString())
                        .append("spoke", a.path("spoke").asBoolean()));
                Document next = scorecard(id, a.path("memberId").asString(), year, cellId, event, entries);
                if (current == null) {
                    writes.add(new InsertOneModel<>(next));
                } else {
                    writes.add(new ReplaceOneModel<>(
                            and(
                                    eq("_id", id),
                                    eq("meetingCount", current.getInteger("meetingCount")),
                                    ne("meetings.meetingId", meetingId)),
                            next));
                }
            }
            if (!writes.isEmpty()) {
                scorecards.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        db.drop();
        return new Result(payloads.size(), payloads.size() / seconds, latencies, members);
    }

    /** The same fields MongoScorecardStore.document writes, derived from the entries. */
    private static Document scorecard(
            String id, String memberId, int year, String cellId, JsonNode event, List<Document> entries) {
        Map<String, Integer> totals = new HashMap<>();
        Set<Integer> absentMonths = new TreeSet<>();
        for (Document e : entries) {
            String status = e.getString("status");
            totals.merge(
                    switch (status) {
                        case "PRESENT" -> "attended";
                        case "LATE" -> "late";
                        case "EXCUSED" -> "excused";
                        default -> "missed";
                    },
                    1,
                    Integer::sum);
            if (Boolean.TRUE.equals(e.getBoolean("spoke"))) {
                totals.merge("spoke", 1, Integer::sum);
            }
            if ("ABSENT".equals(status)) {
                absentMonths.add(e.getInteger("month"));
            }
        }
        return new Document("_id", id)
                .append("memberId", memberId)
                .append("year", year)
                .append("cellId", cellId)
                .append("orgPath", event.path("orgPath").asString())
                .append("meetingCount", entries.size())
                .append(
                        "totals",
                        new Document("attended", totals.getOrDefault("attended", 0))
                                .append("late", totals.getOrDefault("late", 0))
                                .append("excused", totals.getOrDefault("excused", 0))
                                .append("missed", totals.getOrDefault("missed", 0))
                                .append("spoke", totals.getOrDefault("spoke", 0)))
                .append("unexcusedAbsenceMonths", new ArrayList<>(absentMonths))
                .append("unexcusedAbsenceMonthCount", absentMonths.size())
                .append("meetings", entries);
    }
}
