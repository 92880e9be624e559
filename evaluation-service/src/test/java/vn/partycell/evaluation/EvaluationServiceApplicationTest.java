package vn.partycell.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;

/** The service starts on its own database and broker, reports ready, and guards its API. */
@ServiceIntegrationTest
class EvaluationServiceApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void startsReadyWithItsOwnStoreAndBroker() {
        Http.Answer health = new Http(port).get("/actuator/health/readiness", null);
        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.body().path("components").has("mongo")).isTrue();
        // Kafka is no readiness condition (the outbox holds events while it is down), but it is reported.
        assertThat(health.body().path("components").has("kafka")).isFalse();
        assertThat(new Http(port)
                        .get("/actuator/health", null)
                        .body()
                        .path("components")
                        .has("kafka"))
                .isTrue();
        assertThat(new Http(port).get("/actuator/prometheus", null).status()).isEqualTo(200);
    }

    @Test
    void everyApiCallNeedsAToken() {
        Http.Answer answer = new Http(port).get("/api/v1/anything", null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
