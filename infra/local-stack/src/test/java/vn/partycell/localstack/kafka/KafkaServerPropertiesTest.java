package vn.partycell.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void writesACombinedModeBrokerWithTheGivenListenersAndLogDir() throws Exception {
        Path logDir = dir.resolve("kafka/logs");
        Path file =
                KafkaServerProperties.write(dir.resolve("kafka/server.properties"), "localhost", 9092, 9093, logDir);

        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));

        assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(properties.getProperty("node.id")).isEqualTo("1");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:9093");
        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093");
        assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:9092");
        assertThat(properties.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(properties.getProperty("log.dirs"))
                .isEqualTo(logDir.toAbsolutePath().toString());
        assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.replication.factor"))
                .isEqualTo("1");
        assertThat(properties.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
        assertThat(properties.getProperty("num.partitions")).isEqualTo("3");
        assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("true");
        assertThat(properties.getProperty("group.initial.rebalance.delay.ms")).isEqualTo("0");
    }

    @Test
    void usesTheGivenPortsAndKeepsBackslashesInPaths() throws Exception {
        String text = KafkaServerProperties.render(
                KafkaServerProperties.settings("localhost", 41001, 41002, Path.of("/tmp/a\\b")));
        Properties properties = new Properties();
        properties.load(new StringReader(text));

        assertThat(properties.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://localhost:41001,CONTROLLER://localhost:41002");
        assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:41002");
        assertThat(properties.getProperty("log.dirs")).isEqualTo("/tmp/a\\b");
    }
}
