package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/** Health with liveness and readiness groups, and Prometheus metrics with histograms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorTest {

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthIsUp(String path) {
        var response = http.get(path);

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.json()).containsEntry("status", "UP");
    }

    @Test
    void prometheusHasHttpServerRequestHistogramsTaggedWithTheApplication() {
        http.get("/actuator/health");
        http.get("/api/v1/nowhere");

        var response = http.get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.body())
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*application=\"gateway\"[^}]*le=\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*\\}")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/health\"[^}]*\\}");
    }
}
