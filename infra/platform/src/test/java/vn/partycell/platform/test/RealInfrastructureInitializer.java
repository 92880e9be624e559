package vn.partycell.platform.test;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Starts one MongoDB and one Kafka container per test JVM (reused by every context) and points the
 * context at them, each context with a database of its own.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private static synchronized void start() {
        if (mongo == null) {
            mongo = new MongoDBContainer("mongo:8.0");
            kafka = new KafkaContainer("apache/kafka:4.1.2");
            mongo.start();
            kafka.start();
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + mongo.getReplicaSetUrl(database),
                        "spring.kafka.bootstrap-servers=" + kafka.getBootstrapServers(),
                        "spring.cloud.stream.kafka.binder.brokers=" + kafka.getBootstrapServers(),
                        "partycell.kafka.partitions=3",
                        "partycell.security.issuer=" + TestTokens.ISSUER,
                        "partycell.security.audience=" + TestTokens.AUDIENCE,
                        "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI)
                .applyTo(context);
    }
}
