package vn.partycell.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The dead-letter command on a real broker: dead letters written the way the binder writes them
 * (original key, value, ce_* headers, x-original-* coordinates, x-exception-* reason) are listed,
 * and the chosen ones go back to their original topic exactly as they first were.
 */
class DeadLettersTest {

    private static final String ORIGINAL = "members.member.v1";
    private static final int ORIGINAL_PARTITIONS = 3;
    private static EmbeddedKafkaKraftBroker broker;

    private String dlt;
    private final List<Letter> written = new ArrayList<>();

    record Letter(String key, String ceId, String ceType, byte[] value, int partition, long offset, String reason) {}

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, ORIGINAL_PARTITIONS);
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic(ORIGINAL, ORIGINAL_PARTITIONS, (short) 1));
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @BeforeEach
    void writeDeadLetters() throws Exception {
        dlt = ORIGINAL + ".meeting-service-" + UUID.randomUUID().toString().substring(0, 8) + ".dlt";
        broker.addTopics(new NewTopic(dlt, 1, (short) 1));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            written.add(deadLetter(producer, "member.changed", 15, "Payload breaks its contract: $.version"));
            written.add(deadLetter(producer, "member.admitted", 16, "Unknown cell 7f3c"));
            written.add(deadLetter(producer, "member.changed", 21, "Timed out after 3 attempts\nat line 2"));
        }
    }

    @Test
    void listsEveryDeadLetterWithItsReasonAndOrigin() {
        Result result = run("list", dlt);

        assertThat(result.exit()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(dlt + ": 3 dead letter(s)");
        assertThat(lines).hasSize(2 + 3);
        for (int i = 0; i < 3; i++) {
            Letter letter = written.get(i);
            assertThat(lines.get(2 + i))
                    .isEqualTo("0:" + i + "\tkey=" + letter.key() + "\tce_type=" + letter.ceType() + "\tce_id="
                            + letter.ceId() + "\toriginal=" + ORIGINAL + "/" + letter.partition() + "@"
                            + letter.offset()
                            + "\terror=vn.partycell.platform.events.PoisonEventException\treason="
                            + letter.reason().replace("\n", " "));
        }
    }

    @Test
    void republishesTheChosenOnesToTheirOriginalTopicAsTheyWere() {
        TopicPartitions before = endOffsets();

        Result result = run("republish", dlt, "--offsets", "0,2");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("republished 2 of 3 dead letter(s) from " + dlt);
        assertThat(result.out()).contains("republished " + dlt + " 0:0 -> " + ORIGINAL + "/");
        List<ConsumerRecord<byte[], byte[]>> back = readSince(before, 2);
        assertThat(back).hasSize(2);
        assertSameEvent(back, written.get(0));
        assertSameEvent(back, written.get(2));
    }

    @Test
    void republishesAll() {
        TopicPartitions before = endOffsets();

        Result result = run("republish", dlt, "--all");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("republished 3 of 3 dead letter(s)");
        List<ConsumerRecord<byte[], byte[]>> back = readSince(before, 3);
        assertThat(back).hasSize(3);
        written.forEach(letter -> assertSameEvent(back, letter));
    }

    @Test
    void publishesNothingWhenAnOffsetIsNotThere() {
        TopicPartitions before = endOffsets();

        Result result = run("republish", dlt, "--offsets", "1,9");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("no dead letter at offset 9; nothing re-published");
        assertThat(endOffsets()).isEqualTo(before);
    }

    @Test
    void refusesBadCommandLines() {
        assertThat(run("republish", dlt).exit()).isEqualTo(2);
        assertThat(run("republish", dlt, "--all", "--offsets", "1").exit()).isEqualTo(2);
        assertThat(run("republish", dlt, "--offsets", "one").err()).contains("bad offset 'one'");
        assertThat(run("list").err()).contains("usage:");
        Result missing = run("list", "no.such.topic.dlt");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("topic no.such.topic.dlt does not exist");
    }

    private void assertSameEvent(List<ConsumerRecord<byte[], byte[]>> back, Letter letter) {
        ConsumerRecord<byte[], byte[]> record = back.stream()
                .filter(r -> header(r, "ce_id").equals(letter.ceId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not re-published: " + letter.ceId()));
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(letter.key());
        assertThat(record.value()).isEqualTo(letter.value());
        // Same key, same partition as the first time.
        assertThat(record.partition()).isEqualTo(letter.partition());
        assertThat(header(record, "ce_type")).isEqualTo(letter.ceType());
        assertThat(header(record, "ce_source")).isEqualTo("/partycell/member-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(letter.key());
        assertThat(header(record, "ce_orgpath")).isEqualTo("/hy/ub/cb01/");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(Arrays.stream(record.headers().toArray()).map(Header::key))
                .containsExactlyInAnyOrder(
                        "ce_specversion",
                        "ce_id",
                        "ce_source",
                        "ce_type",
                        "ce_subject",
                        "ce_time",
                        "ce_dataschema",
                        "ce_orgpath",
                        "content-type");
    }

    /** As the binder dead-letters a record: its own headers plus the x-original-* and x-exception-* ones. */
    private Letter deadLetter(KafkaProducer<byte[], byte[]> producer, String kind, long offset, String reason)
            throws Exception {
        String key = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String ceType = "members." + kind;
        byte[] value = ("{\"id\":\"" + key + "\",\"fullName\":\"Nguyễn Văn An\",\"version\":" + offset + "}")
                .getBytes(StandardCharsets.UTF_8);
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % ORIGINAL_PARTITIONS;
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_source", bytes("/partycell/member-service"));
        headers.add("ce_type", bytes(ceType));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes("2026-12-01T02:00:00Z"));
        headers.add("ce_dataschema", bytes("urn:partycell:schema:" + ceType + ":1"));
        headers.add("ce_orgpath", bytes("/hy/ub/cb01/"));
        headers.add("content-type", bytes("application/json"));
        headers.add("x-original-topic", bytes(ORIGINAL));
        headers.add(
                "x-original-partition", ByteBuffer.allocate(4).putInt(partition).array());
        headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(offset).array());
        headers.add(
                "x-original-timestamp",
                ByteBuffer.allocate(8).putLong(1_764_554_400_000L).array());
        headers.add("x-exception-fqcn", bytes("vn.partycell.platform.events.PoisonEventException"));
        headers.add("x-exception-message", bytes(reason));
        headers.add("x-exception-stacktrace", bytes("vn.partycell.platform.events.PoisonEventException: " + reason));
        producer.send(new ProducerRecord<>(dlt, 0, key.getBytes(StandardCharsets.UTF_8), value, headers))
                .get();
        return new Letter(key, ceId, ceType, value, partition, offset, reason);
    }

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLetters.run(
                args,
                Map.of("KAFKA_BOOTSTRAP", broker.getBrokersAsString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record TopicPartitions(Map<TopicPartition, Long> offsets) {}

    private TopicPartitions endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions();
            return new TopicPartitions(Map.copyOf(consumer.endOffsets(partitions)));
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readSince(TopicPartitions since, int expected) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions());
            since.offsets().forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
            }
            // Anything more would be a duplicate: give it a moment to show up.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < ORIGINAL_PARTITIONS; p++) {
            partitions.add(new TopicPartition(ORIGINAL, p));
        }
        return partitions;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", broker.getBrokersAsString());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", broker.getBrokersAsString());
        properties.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
