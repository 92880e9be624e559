package vn.partycell.operations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import vn.partycell.localstack.kafka.KafkaBroker;
import vn.partycell.localstack.kafka.Scram;
import vn.partycell.localstack.process.Ports;

/**
 * A real broker (child process) that requires SASL/SCRAM-SHA-512 and enforces ACLs, set up like the
 * compose's kafka-init does: the topics of {@code infra/docker/kafka/topics.txt}, one SCRAM user per
 * service and the operator, and exactly the ACLs of {@code infra/docker/kafka/acls.txt}.
 */
final class ScramBroker {

    static final String ADMIN = "kafka-admin";
    static final String ADMIN_PASSWORD = "admin-secret-" + System.nanoTime();
    static final List<String> PRINCIPALS = List.of(
            "member-service", "meeting-service", "evaluation-service", "notification-service", "partycell-operator");
    private static final Path KAFKA_DIR = Path.of("../docker/kafka");

    private static ScramBroker started;
    private final KafkaBroker broker;
    private final Path dir;
    final int aclCount;

    private ScramBroker(KafkaBroker broker, Path dir, int aclCount) {
        this.broker = broker;
        this.dir = dir;
        this.aclCount = aclCount;
    }

    static synchronized ScramBroker get() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return started;
    }

    static String password(String principal) {
        return principal + "-secret";
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    /** Client settings logging in as {@code principal}. */
    Properties client(String principal) {
        Properties properties =
                Scram.clientProperties(principal, principal.equals(ADMIN) ? ADMIN_PASSWORD : password(principal));
        properties.put("bootstrap.servers", bootstrap());
        return properties;
    }

    private static ScramBroker start() {
        try {
            Path dir = Files.createTempDirectory("partycell-scram-broker");
            KafkaBroker broker = new KafkaBroker(
                    dir.resolve("kafka"),
                    Ports.freePort(),
                    Ports.freePort(),
                    brokerClasspath(),
                    dir.resolve("kafka.log"),
                    "384m",
                    new Scram(ADMIN, ADMIN_PASSWORD));
            broker.start(Duration.ofSeconds(120));
            ScramBroker scram = new ScramBroker(broker, dir, 0);
            return new ScramBroker(broker, dir, scram.provision());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What kafka-init.sh does, through the Admin API, from the same files. */
    private int provision() {
        try (Admin admin = Admin.create(client(ADMIN))) {
            List<NewTopic> topics = lines("topics.txt").stream()
                    .map(topic -> new NewTopic(topic, 3, (short) 1))
                    .toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            List<UserScramCredentialAlteration> users = PRINCIPALS.stream()
                    .map(principal -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(
                            principal,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                            password(principal)))
                    .toList();
            admin.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
            PRINCIPALS.forEach(this::awaitAuthenticates);
            List<AclBinding> acls =
                    lines("acls.txt").stream().map(ScramBroker::acl).toList();
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
            return acls.size();
        } catch (Exception e) {
            throw new IllegalStateException("could not provision the SCRAM broker", e);
        }
    }

    /**
     * A SCRAM credential reaches the broker's authenticator through the metadata log, a moment after
     * the alteration returns: wait until the principal logs in (an authorization error afterwards
     * still means it did), so that the first client of a test is not refused as "invalid credentials".
     */
    private void awaitAuthenticates(String principal) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Admin probe = Admin.create(client(principal))) {
                probe.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.SaslAuthenticationException)) {
                    return;
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not probe the login of " + principal, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(principal + " still cannot log in after 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    static AclBinding acl(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("acls.txt: expected 5 fields: " + line);
        }
        ResourceType type = ResourceType.fromString(f[2].toUpperCase(Locale.ROOT));
        String name = type == ResourceType.CLUSTER ? "kafka-cluster" : f[4];
        return new AclBinding(
                new ResourcePattern(type, name, PatternType.fromString(f[3].toUpperCase(Locale.ROOT))),
                new AccessControlEntry(
                        "User:" + f[0],
                        "*",
                        AclOperation.fromString(f[1].toUpperCase(Locale.ROOT)),
                        AclPermissionType.ALLOW));
    }

    static List<String> lines(String file) {
        try {
            return Files.readAllLines(KAFKA_DIR.resolve(file)).stream()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test classpath has the broker's jars (kafka_2.13 via spring-kafka-test and the local stack)
     * but Logback, which without its test config would log the broker at DEBUG: leave it out, the
     * broker then logs nowhere (SLF4J's no-op) and its readiness is checked through the Admin API.
     */
    private static String brokerClasspath() {
        List<String> entries = new ArrayList<>(
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        entries.removeIf(entry -> entry.contains("logback-") || entry.contains("slf4j-nop"));
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    void stop() {
        broker.stop(Duration.ofSeconds(10));
    }
}
