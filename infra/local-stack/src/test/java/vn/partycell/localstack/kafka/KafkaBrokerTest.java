package vn.partycell.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partycell.localstack.process.Ports;

/** Starts the real broker as a child process, like the local stack does, on random ports. */
class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void formatsStartsCarriesARecordAndStops() throws Exception {
        int brokerPort = Ports.freePort();
        int controllerPort = Ports.freePort();
        KafkaBroker broker = new KafkaBroker(
                dir.resolve("kafka"),
                brokerPort,
                controllerPort,
                System.getProperty("java.class.path"),
                dir.resolve("logs/kafka.log"),
                "256m");
        try {
            assertThat(broker.isFormatted()).isFalse();
            broker.start(Duration.ofSeconds(90));

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.isFormatted()).isTrue();
            assertThat(Files.readString(broker.logDir().resolve("meta.properties")))
                    .contains("cluster.id=" + broker.clusterId());
            assertThat(Files.readString(broker.logFile())).contains("Kafka Server started");

            String topic = "local-stack-test-" + UUID.randomUUID();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                            "true"),
                    new StringSerializer(),
                    new StringSerializer())) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "chi-bo-01", "Chi bộ thôn Đình Dù"))
                        .get();
                assertThat(sent.topic()).isEqualTo(topic);
            }

            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "local-stack-test",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                ConsumerRecord<String, String> received = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        received = record;
                    }
                }
                assertThat(received).isNotNull();
                assertThat(received.key()).isEqualTo("chi-bo-01");
                assertThat(received.value()).isEqualTo("Chi bộ thôn Đình Dù");
            }
        } finally {
            broker.stop(Duration.ofSeconds(20));
        }

        assertThat(broker.isRunning()).isFalse();
        assertThat(Ports.isFree(brokerPort)).isTrue();
        assertThat(Ports.isFree(controllerPort)).isTrue();
    }
}
