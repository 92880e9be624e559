package vn.partycell.platform.test;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at the in-memory Mongo (its own database) and the embedded broker. */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + InMemoryMongo.uri(database),
                        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                        "partycell.kafka.partitions=3",
                        // The issuer a production deployment must configure; TestTokens issues as it.
                        "partycell.security.issuer=" + TestTokens.ISSUER,
                        "partycell.security.audience=" + TestTokens.AUDIENCE,
                        "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI)
                .applyTo(context);
    }
}
