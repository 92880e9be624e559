package vn.partycell.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start with a throwaway consumer group, as an outside tool (kcat) would. */
public final class TopicProbe {

    private TopicProbe() {}

    /** Polls until {@code until} holds for the records read so far, or the timeout passes. */
    public static List<ConsumerRecord<String, byte[]>> read(
            String brokers, String topic, Duration timeout, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (until.test(records)) {
                    break;
                }
            }
        }
        return records;
    }

    public static List<ConsumerRecord<String, byte[]>> readAtLeast(String brokers, String topic, int count) {
        return read(brokers, topic, Duration.ofSeconds(20), r -> r.size() >= count);
    }
}
