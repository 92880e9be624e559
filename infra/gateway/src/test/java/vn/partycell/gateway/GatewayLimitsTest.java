package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway bounds request bodies and answers even Tomcat's own errors as problem+json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayLimitsTest {

    static final StubBackend MEETINGS = StubBackend.start("meeting-service");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("MEETING_SERVICE_URI", MEETINGS::uri);
    }

    @AfterAll
    static void stop() {
        MEETINGS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aDeclaredContentLengthAboveOneMegabyteIs413WithoutProxying() throws Exception {
        String reply = exchange(
                "POST /api/v1/meetings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 195035136\r\n\r\n",
                0);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void aChunkedBodyIsCutAtTheLimitWhileItStreams() throws Exception {
        String reply = exchange(
                "POST /api/v1/meetings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n",
                64L * 1024 * 1024);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void aRawBraceInThePathIsAProblemNotAnHtmlPage() throws Exception {
        String reply = exchange("GET /api/v1/meetings/{ HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n", 0);

        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
        assertThat(reply).doesNotContain("<html");
    }

    /** Sends a head and, when asked, a chunked body until the gateway answers; returns the answer's text. */
    private String exchange(String head, long chunkedBytes) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        bytes.write(buffer, 0, n);
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        if (text.contains("\r\n\r\n") && text.contains("}")) {
                            break;
                        }
                    }
                } catch (IOException reset) {
                    // A reset after the answer: keep what arrived.
                }
                return bytes.toString(StandardCharsets.UTF_8);
            });
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            chunk[0] = '"';
            long sent = 0;
            try {
                while (sent < chunkedBytes && !answer.isDone()) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                    chunk[0] = 'x';
                }
            } catch (IOException closedByGateway) {
                // The gateway answered and hung up.
            }
            String reply = answer.get(60, TimeUnit.SECONDS);
            assertThat(sent).isLessThan(32L * 1024 * 1024);
            return reply;
        }
    }
}
