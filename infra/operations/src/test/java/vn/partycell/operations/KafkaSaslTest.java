package vn.partycell.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.InMemoryMongo;
import vn.partycell.platform.test.TestSecurityConfiguration;
import vn.partycell.platform.test.TestTokens;

/**
 * The platform's Kafka security settings against a real broker that requires SASL/SCRAM-SHA-512 and
 * enforces the compose's ACLs (infra/docker/kafka/acls.txt). A service-like app on the platform
 * defaults, configured only through the variables the compose sets (KAFKA_SECURITY_PROTOCOL,
 * KAFKA_USERNAME, KAFKA_PASSWORD), logs in as meeting-service: its binder consumes members.member.v1
 * in group meeting-service, its KafkaTemplate (the outbox relay's) publishes meetings.meeting.v1,
 * its health probe (admin) sees the cluster; a topic its ACLs do not grant is refused, and so are
 * clients without credentials or with a wrong password.
 */
@SpringBootTest(
        classes = KafkaSaslTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // A service refuses to start without its token issuer (outside the local profile).
            "partycell.security.issuer=" + TestTokens.ISSUER,
            "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI,
            "spring.application.name=meeting-service",
            "partycell.database=meetings",
            "spring.cloud.function.definition=memberEvents",
            "spring.cloud.stream.bindings.memberEvents-in-0.destination=members.member.v1",
            "spring.cloud.stream.bindings.memberEvents-in-0.group=meeting-service",
            "spring.cloud.stream.kafka.bindings.memberEvents-in-0.consumer.enable-dlq=true",
            "spring.cloud.stream.kafka.bindings.memberEvents-in-0.consumer.dlq-name=members.member.v1.meeting-service.dlt"
        })
@Import(TestSecurityConfiguration.class)
class KafkaSaslTest {

    static final BlockingQueue<Message<byte[]>> RECEIVED = new LinkedBlockingQueue<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Consumer<Message<byte[]>> memberEvents() {
            return message -> {
                if (new String(message.getPayload(), StandardCharsets.UTF_8).contains("poison")) {
                    throw new PoisonEventException("Bản ghi hỏng cho kiểm thử");
                }
                RECEIVED.add(message);
            };
        }
    }

    @DynamicPropertySource
    static void scramBroker(DynamicPropertyRegistry registry) {
        ScramBroker broker = ScramBroker.get();
        registry.add("KAFKA_BOOTSTRAP", broker::bootstrap);
        registry.add("KAFKA_SECURITY_PROTOCOL", () -> "SASL_PLAINTEXT");
        registry.add("KAFKA_USERNAME", () -> "meeting-service");
        registry.add("KAFKA_PASSWORD", () -> ScramBroker.password("meeting-service"));
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("sasl-" + UUID.randomUUID()));
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @LocalServerPort
    int port;

    @Test
    void aServiceConsumesAndPublishesWithItsOwnPrincipal() throws Exception {
        ScramBroker broker = ScramBroker.get();
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> memberService = producer(broker.client("member-service"))) {
            memberService
                    .send(new ProducerRecord<>("members.member.v1", bytes(key), bytes("{\"id\":\"" + key + "\"}")))
                    .get(30, TimeUnit.SECONDS);
        }
        Message<byte[]> received = awaitReceived(key, Duration.ofSeconds(90));
        assertThat(new String(received.getPayload(), StandardCharsets.UTF_8)).contains(key);

        var sent = kafka.send("meetings.meeting.v1", key, bytes("{\"id\":\"" + key + "\"}"))
                .get(30, TimeUnit.SECONDS);
        assertThat(sent.getRecordMetadata().topic()).isEqualTo("meetings.meeting.v1");

        Http.Answer health = new Http(port).get("/actuator/health", null);
        assertThat(health.body().at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    @Test
    void aPoisonRecordIsDeadLetteredWithTheServicesOwnLogin() throws Exception {
        ScramBroker broker = ScramBroker.get();
        String key = UUID.randomUUID().toString();
        try (KafkaProducer<byte[], byte[]> memberService = producer(broker.client("member-service"))) {
            memberService
                    .send(new ProducerRecord<>("members.member.v1", bytes(key), bytes("{\"poison\":true}")))
                    .get(30, TimeUnit.SECONDS);
        }
        // The dead-letter producer of the binder logs in as meeting-service too (its DLT Write ACL).
        KafkaConnection operator = new KafkaConnection(
                broker.bootstrap(),
                "SASL_PLAINTEXT",
                "SCRAM-SHA-512",
                "partycell-operator",
                ScramBroker.password("partycell-operator"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        DeadLetter letter = null;
        while (letter == null && System.nanoTime() < deadline) {
            letter = DeadLetters.read(operator, "members.member.v1.meeting-service.dlt").stream()
                    .filter(l -> key.equals(l.key()))
                    .findFirst()
                    .orElse(null);
            if (letter == null) {
                Thread.sleep(500);
            }
        }
        assertThat(letter).as("dead letter of " + key).isNotNull();
        assertThat(letter.originalTopic()).isEqualTo("members.member.v1");
        assertThat(letter.header("x-exception-message")).contains("Bản ghi hỏng cho kiểm thử");
    }

    @Test
    void aServiceIsDeniedATopicItsAclsDoNotGrant() {
        // meeting-service reads members.member.v1 but may not write it.
        assertThatThrownBy(
                        () -> kafka.send("members.member.v1", "k", bytes("{}")).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void refusesClientsWithoutCredentialsOrWithAWrongPassword() throws Exception {
        ScramBroker broker = ScramBroker.get();
        Properties plaintext = new Properties();
        plaintext.put("bootstrap.servers", broker.bootstrap());
        assertThatThrownBy(() -> describeCluster(plaintext)).isInstanceOf(Exception.class);

        Properties wrong = broker.client("meeting-service");
        wrong.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"meeting-service\""
                        + " password=\"not-the-password\";");
        assertThatThrownBy(() -> describeCluster(wrong)).hasRootCauseInstanceOf(SaslAuthenticationException.class);

        // And the right password works, so the refusals above are about the credentials.
        assertThat(describeCluster(broker.client("evaluation-service"))).isEqualTo(1);
    }

    @Test
    void theOperatorListsAndRepublishesDeadLettersOverSasl() throws Exception {
        ScramBroker broker = ScramBroker.get();
        String dlt = "members.org-unit.v1.meeting-service.dlt";
        String key = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes(ceId));
        headers.add("ce_type", bytes("members.org-unit.created"));
        headers.add("x-original-topic", bytes("members.org-unit.v1"));
        headers.add("x-original-partition", ByteBuffer.allocate(4).putInt(0).array());
        headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(4).array());
        headers.add("x-exception-fqcn", bytes("vn.partycell.platform.events.PoisonEventException"));
        headers.add("x-exception-message", bytes("Unknown parent"));
        // meeting-service writes its own DLT, as its binder does.
        try (KafkaProducer<byte[], byte[]> meetingService = producer(broker.client("meeting-service"))) {
            meetingService
                    .send(new ProducerRecord<>(dlt, 0, bytes(key), bytes("{}"), headers))
                    .get(30, TimeUnit.SECONDS);
        }

        Map<String, String> operator = env(broker, "partycell-operator");
        String listed = run(operator, 0, "list", dlt);
        assertThat(listed).contains("key=" + key + "\tce_type=members.org-unit.created\tce_id=" + ceId);

        long before = endOffset(broker, "members.org-unit.v1");
        String republished = run(operator, 0, "republish", dlt, "--all");
        assertThat(republished).contains("-> members.org-unit.v1/");
        assertThat(endOffset(broker, "members.org-unit.v1")).isGreaterThan(before);

        // A service may write its DLT but not read it: only the operator reads dead letters.
        assertThat(run(env(broker, "meeting-service"), 1, "list", dlt)).isEmpty();
    }

    private static Map<String, String> env(ScramBroker broker, String principal) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP", broker.bootstrap());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_USERNAME", principal);
        env.put("KAFKA_PASSWORD", ScramBroker.password(principal));
        return env;
    }

    private static String run(Map<String, String> env, int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLetters.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long endOffset(ScramBroker broker, String topic) {
        Properties properties = broker.client(ScramBroker.ADMIN);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static int describeCluster(Properties properties) throws Exception {
        properties.put("request.timeout.ms", "3000");
        properties.put("default.api.timeout.ms", "5000");
        try (Admin admin = Admin.create(properties)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                    .nodes()
                    .get(10, TimeUnit.SECONDS)
                    .size();
        }
    }

    private static Message<byte[]> awaitReceived(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message<byte[]> message = RECEIVED.poll(1, TimeUnit.SECONDS);
            if (message != null && new String(message.getPayload(), StandardCharsets.UTF_8).contains(key)) {
                return message;
            }
        }
        throw new AssertionError("meeting-service's binder did not receive " + key);
    }

    private static KafkaProducer<byte[], byte[]> producer(Properties properties) {
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("max.block.ms", "15000");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
