package vn.partycell.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * server.properties of a single-node KRaft broker in combined mode (broker and controller in one
 * process), for local development only.
 */
public final class KafkaServerProperties {

    private KafkaServerProperties() {}

    /** The settings, in the order they are written. */
    public static Map<String, String> settings(String host, int brokerPort, int controllerPort, Path logDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        settings.put(
                "listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDir.toAbsolutePath().toString());
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("num.partitions", "3");
        settings.put("auto.create.topics.enable", "true");
        settings.put("group.initial.rebalance.delay.ms", "0");
        return settings;
    }

    /** The file's text, in java.util.Properties syntax. */
    public static String render(Map<String, String> settings) {
        StringBuilder text =
                new StringBuilder("# Written by the partycell local stack on every start; edits are overwritten.\n");
        settings.forEach((key, value) ->
                text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    /** Writes {@code file} with the settings for these ports and log directory. */
    public static Path write(Path file, String host, int brokerPort, int controllerPort, Path logDir) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(settings(host, brokerPort, controllerPort, logDir)), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Không ghi được " + file, e);
        }
    }
}
