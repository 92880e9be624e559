package vn.partycell.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.InMemoryMongo;
import vn.partycell.platform.test.TestSecurityConfiguration;
import vn.partycell.platform.test.TestTokens;

/**
 * A service-like app (platform defaults, a consumer binding with a DLT, the outbox relay) whose
 * broker is down: it stays ready, because MongoDB is up and the outbox holds the events, while
 * /actuator/health and the reachability gauge say Kafka is down.
 */
@SpringBootTest(
        classes = ReadinessWithoutKafkaTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // A service refuses to start without its token issuer (outside the local profile).
            "partycell.security.issuer=" + TestTokens.ISSUER,
            "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI,
            "spring.application.name=readiness-test",
            "partycell.database=readiness",
            "partycell.kafka.health.probe-interval=1s",
            "spring.cloud.function.definition=memberEvents",
            "spring.cloud.stream.bindings.memberEvents-in-0.destination=members.member.v1",
            "spring.cloud.stream.bindings.memberEvents-in-0.group=readiness-test",
            "spring.cloud.stream.kafka.bindings.memberEvents-in-0.consumer.enable-dlq=true",
            "spring.cloud.stream.kafka.bindings.memberEvents-in-0.consumer.dlq-name=members.member.v1.readiness-test.dlt"
        })
@Import(TestSecurityConfiguration.class)
class ReadinessWithoutKafkaTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Consumer<Message<byte[]>> memberEvents() {
            return message -> {};
        }
    }

    @DynamicPropertySource
    static void deadBroker(DynamicPropertyRegistry registry) {
        int port = deadPort();
        // The same variable the services read: producer, admin (health) and binder all point at it.
        registry.add("KAFKA_BOOTSTRAP", () -> "127.0.0.1:" + port);
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("readiness-" + UUID.randomUUID()));
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OutboxStore outbox;

    @Autowired
    OutboundEvents events;

    @Autowired
    MongoTemplate mongo;

    record Thing(String id, String name, long version) {}

    @Test
    void readyWithMongoWhileKafkaIsDownAndSaysSo() {
        Http http = new Http(port);

        Http.Answer readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");

        Http.Answer health = http.get("/actuator/health", null);
        assertThat(health.body().at("/components/kafka/status").asString()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                meters.get("partycell.kafka.reachable").gauge().value())
                        .isEqualTo(0.0));
        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void acceptsWritesWhileKafkaIsDownAndKeepsTheirEventsInTheOutbox() {
        String id = UUID.randomUUID().toString();
        long started = System.nanoTime();
        outbox.insert(
                "things",
                new Thing(id, "Chi bộ thôn Đình Dù", 1),
                List.of(events.create(
                        "test.thing.v1", "test.thing.created", id, OrgPath.of("/hy/a/"), Map.of("id", id))));
        // The write does not wait for the broker: the event is Mongo's to keep until Kafka is back.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Document stored =
                    mongo.getCollection("things").find(new Document("_id", id)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        });
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
