package vn.partycell.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

/**
 * The two floors under the pipeline, measured on the same broker and store in the same run: moving
 * the same MeetingClosed records through Kafka with nothing else, and writing the same per-member
 * scorecard rows to MongoDB as bulk upserts with nothing else.
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

    /** The per-member scorecard rows of the same meetings, one bulk of upserts per meeting. */
    Result upserts(MongoClient mongo, Set<String> meetingIds, int members, int count) {
        List<ConsumerRecord<String, byte[]>> payloads = closedRecords(meetingIds);
        MongoCollection<Document> scorecards =
                mongo.getDatabase("bench_baseline_" + run).getCollection("scorecards");
        Latencies latencies = new Latencies();
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            JsonNode event = Api.JSON.readTree(payloads.get(i % payloads.size()).value());
            String meetingId = event.path("meetingId").asString() + "#" + i / payloads.size();
            int year = event.path("year").asInt();
            List<WriteModel<Document>> rows = new ArrayList<>();
            for (JsonNode a : event.path("attendance")) {
                String status = a.path("status").asString();
                Document entry = new Document("meetingId", meetingId)
                        .append("month", event.path("month").asInt())
                        .append("status", status)
                        .append("spoke", a.path("spoke").asBoolean());
                rows.add(new UpdateOneModel<>(
                        new Document("_id", a.path("memberId").asString() + ":" + year),
                        Updates.combine(
                                Updates.push("meetings", entry),
                                Updates.inc("counts." + status, 1),
                                Updates.inc("counts.spoke", a.path("spoke").asBoolean() ? 1 : 0)),
                        new UpdateOptions().upsert(true)));
            }
            long start = System.nanoTime();
            scorecards.bulkWrite(rows);
            latencies.add((System.nanoTime() - start) / 1e6);
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        mongo.getDatabase("bench_baseline_" + run).drop();
        return new Result(count, count / seconds, latencies, members);
    }
}
