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
        return settings(host, brokerPort, controllerPort, logDir, null);
    }

    /**
     * With {@code scram}: the client listener is SASL_PLAINTEXT with SCRAM-SHA-512 only and the
     * StandardAuthorizer enforces ACLs (nothing is allowed that no ACL grants). The controller
     * listener stays PLAINTEXT on {@code host} (the broker talks to its own controller there, as
     * ANONYMOUS, which must therefore be a super user): never expose that port.
     */
    public static Map<String, String> settings(
            String host, int brokerPort, int controllerPort, Path logDir, Scram scram) {
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
        if (scram != null) {
            settings.put(
                    "listeners",
                    "SASL_PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
            settings.put("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + brokerPort);
            settings.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            settings.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            settings.put("sasl.enabled.mechanisms", Scram.MECHANISM);
            settings.put("sasl.mechanism.inter.broker.protocol", Scram.MECHANISM);
            settings.put(
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    Scram.jaas(scram.superUser(), scram.superPassword()));
            settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            settings.put("super.users", "User:" + scram.superUser() + ";User:ANONYMOUS");
            settings.put("allow.everyone.if.no.acl.found", "false");
            // Topics come from an admin or a binder with Create rights, never from a producer's metadata request.
            settings.put("auto.create.topics.enable", "false");
        }
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
        return write(file, host, brokerPort, controllerPort, logDir, null);
    }

    /** Writes {@code file}; with {@code scram} the broker requires SCRAM logins and enforces ACLs. */
    public static Path write(Path file, String host, int brokerPort, int controllerPort, Path logDir, Scram scram) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, render(settings(host, brokerPort, controllerPort, logDir, scram)), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
