package vn.partycell.platform.test;

import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/** Points a test context at the in-memory Mongo (its own database) and the embedded broker. */
public class ServiceTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        context.getEnvironment().getPropertySources().addFirst(new OwnBroker(context.getEnvironment()));
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + InMemoryMongo.uri(database),
                        "partycell.kafka.partitions=3",
                        // The issuer a production deployment must configure; TestTokens issues as it.
                        "partycell.security.issuer=" + TestTokens.ISSUER,
                        "partycell.security.audience=" + TestTokens.AUDIENCE,
                        "partycell.security.jwk-set-uri=" + TestTokens.JWK_SET_URI)
                .applyTo(context);
    }

    /**
     * The broker of THIS context. Every embedded broker publishes its address in one JVM-wide
     * system property ({@code spring.embedded.kafka.brokers}), so a second test context (another
     * configuration) overwrites it; a test class injected later from the first, cached context would
     * then talk to the second context's broker. The address is read once, while the context starts
     * with its own broker, and kept.
     */
    private static final class OwnBroker extends PropertySource<Object> {

        private static final Set<String> NAMES =
                Set.of("spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers");

        private final ConfigurableEnvironment environment;
        private volatile String brokers;

        OwnBroker(ConfigurableEnvironment environment) {
            super("partycell-own-embedded-broker");
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if (!NAMES.contains(name)) {
                return null;
            }
            if (brokers == null) {
                String current = environment.getProperty("spring.embedded.kafka.brokers");
                if (current == null) {
                    return null;
                }
                brokers = current;
            }
            return brokers;
        }
    }
}
