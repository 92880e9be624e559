package vn.partycell.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partycell.localstack.process.Readiness.ReadinessException;

class ReadinessTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private ChildProcess child;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (child != null) {
            child.stop(Duration.ofSeconds(5));
        }
    }

    private URI serve(int... statuses) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            byte[] body = (status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }

    private ChildProcess sleeper(String script) {
        child = ChildProcess.start(
                "demo-service", List.of("bash", "-c", script), Map.of(), dir.resolve("demo.log"), dir);
        return child;
    }

    @Test
    void waitsThroughOutOfServiceUntilUp() throws Exception {
        URI uri = serve(503, 503, 200);

        Duration took = new Readiness()
                .await(sleeper("exec sleep 60"), uri, Duration.ofSeconds(30), Duration.ofMillis(500), out);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(30));
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("waiting for demo-service");
    }

    @Test
    void aRefusedProbeFailsAtOnce() throws Exception {
        URI uri = serve(401);

        assertThatThrownBy(() -> new Readiness()
                        .await(sleeper("exec sleep 60"), uri, Duration.ofSeconds(60), Duration.ofSeconds(10), out))
                .isInstanceOf(ReadinessException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("readiness probe is blocked or not enabled");
    }

    @Test
    void aChildThatExitsFailsWithItsExitCode() throws Exception {
        URI uri = serve(503);

        assertThatThrownBy(() -> new Readiness()
                        .await(
                                sleeper("echo 'APPLICATION FAILED TO START'; exit 3"),
                                uri,
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(10),
                                out))
                .isInstanceOf(ReadinessException.class)
                .hasMessageContaining("exit code 3")
                .satisfies(e ->
                        assertThat(((ReadinessException) e).child().tail(40)).contains("APPLICATION FAILED TO START"));
    }

    @Test
    void givesUpAfterTheTimeout() throws Exception {
        URI uri = serve(503);

        assertThatThrownBy(() -> new Readiness()
                        .await(sleeper("exec sleep 60"), uri, Duration.ofSeconds(2), Duration.ofSeconds(10), out))
                .isInstanceOf(ReadinessException.class)
                .hasMessageContaining("not ready after 2 s")
                .hasMessageContaining("HTTP 503");
    }
}
