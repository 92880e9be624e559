package vn.partycell.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.StandardEnvironment;
import vn.partycell.platform.config.PlatformDefaults;
import vn.partycell.platform.test.InMemoryMongo;

/** Outside the local profile a service without its token issuer's settings does not start. */
class TokenConfigurationStartupTest {

    @Test
    void aServiceWithoutIssuerConfigurationRefusesToStart() {
        SpringApplicationBuilder service = new SpringApplicationBuilder(WebHardeningIntegrationTest.App.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "server.port=0",
                        "spring.application.name=no-issuer",
                        "partycell.database=no-issuer",
                        "partycell.outbox.enabled=false",
                        "spring.mongodb.uri=" + InMemoryMongo.uri("no-issuer"),
                        "spring.cloud.stream.kafka.binder.brokers=localhost:1",
                        "spring.kafka.bootstrap-servers=localhost:1");

        assertThatThrownBy(() -> service.run().close())
                .rootCause()
                .hasMessageContaining("partycell.security.jwk-set-uri")
                .hasMessageContaining("partycell.security.issuer");
    }

    @Test
    void onlyTheLocalProfilePointsAtTheDevIssuer() {
        assertThat(resolved("local"))
                .containsEntry("issuer", "http://localhost:8080/dev")
                .containsEntry("jwk-set-uri", "http://localhost:8080/dev/jwks");
        assertThat(resolved()).containsEntry("issuer", "").containsEntry("jwk-set-uri", "");
    }

    private static Map<String, String> resolved(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Map.of(
                "issuer", environment.getProperty("partycell.security.issuer", ""),
                "jwk-set-uri", environment.getProperty("partycell.security.jwk-set-uri", ""));
    }
}
