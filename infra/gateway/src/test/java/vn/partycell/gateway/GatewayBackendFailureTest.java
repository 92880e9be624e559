package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backend that is down, too slow or broken gives a problem+json 503, 504 or 502 from the gateway,
 * in Vietnamese, without any exception text.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partycell.gateway.read-timeout=500ms")
class GatewayBackendFailureTest {

    static final int CLOSED_PORT = closedPort();
    static final StubBackend SLOW = StubBackend.start("meeting-service").delayedBy(Duration.ofSeconds(3));
    static final GarbageBackend BROKEN = new GarbageBackend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("partycell.gateway.member-service-uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("partycell.gateway.meeting-service-uri", SLOW::uri);
        registry.add("partycell.gateway.evaluation-service-uri", BROKEN::uri);
        registry.add("partycell.gateway.notification-service-uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @AfterAll
    static void stopBackends() {
        SLOW.close();
        BROKEN.close();
    }

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @Test
    void backendDownIs503Problem() {
        var response = http.get("/api/v1/members/x", headers -> headers.setBearerAuth("t"));

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable");
        assertThat(response.json())
                .containsEntry("detail", "Không kết nối được tới dịch vụ member-service. Vui lòng thử lại sau.")
                .containsEntry("service", "member-service")
                .containsEntry("instance", "/api/v1/members/x");
    }

    @Test
    void openApiDocumentOfADownServiceIs503Problem() {
        var response = http.get("/v3/api-docs/notification-service");

        assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable");
        assertThat(response.json()).containsEntry("service", "notification-service");
    }

    @Test
    void backendTooSlowIs504Problem() {
        var response = http.get("/api/v1/meetings/m-1");

        assertProblem(response, HttpStatus.GATEWAY_TIMEOUT, "Gateway Timeout");
        assertThat(response.json())
                .containsEntry("detail", "Dịch vụ meeting-service không phản hồi kịp thời.")
                .containsEntry("service", "meeting-service");
    }

    @Test
    void backendAnsweringGarbageIs502Problem() {
        var response = http.get("/api/v1/scorecards/2026");

        assertProblem(response, HttpStatus.BAD_GATEWAY, "Bad Gateway");
        assertThat(response.json()).containsEntry("service", "evaluation-service");
    }

    private static void assertProblem(GatewayHttp.Response response, HttpStatus status, String title) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.headers().getFirst("X-Request-Id")).isNotBlank();
        assertThat(response.json())
                .containsEntry("status", status.value())
                .containsEntry("title", title)
                .containsEntry("requestId", response.headers().getFirst("X-Request-Id"))
                .containsOnlyKeys("title", "status", "detail", "instance", "requestId", "service");
        assertThat(response.body()).doesNotContain("Exception", "java.", "\tat ", "trace");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Accepts connections and answers with bytes that are not HTTP, then hangs up. */
    static final class GarbageBackend implements AutoCloseable {

        private final ServerSocket server;

        GarbageBackend() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            Thread.ofVirtual().start(this::serve);
        }

        String uri() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write("this is not http\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException closedOrReset) {
                    // the next accept() ends the loop once the server socket is closed
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
