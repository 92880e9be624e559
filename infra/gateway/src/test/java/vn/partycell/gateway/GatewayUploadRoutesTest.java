package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload routes at the gateway ({@code partycell.gateway.upload-routes}): member imports and meeting
 * attachments pass with bodies above the 1 MB default, every other route keeps it, and a body above
 * its route's limit is a 413 problem, whether declared or chunked; a chunked upload reaches the
 * backend while it is still being sent (counted, not held). Limits are small here to keep it quick.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "partycell.gateway.upload-routes[0].path=/api/v1/org-units/*/member-imports",
            "partycell.gateway.upload-routes[0].max-body-size=4MB",
            "partycell.gateway.upload-routes[1].path=/api/v1/meetings/*/attachments",
            "partycell.gateway.upload-routes[1].max-body-size=2MB"
        })
class GatewayUploadRoutesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final StubBackend MEMBERS = StubBackend.start("member-service");
    static final StubBackend MEETINGS = StubBackend.start("meeting-service");
    static final int MB = 1024 * 1024;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("MEMBER_SERVICE_URI", MEMBERS::uri);
        registry.add("MEETING_SERVICE_URI", MEETINGS::uri);
    }

    @AfterAll
    static void stop() {
        MEMBERS.close();
        MEETINGS.close();
    }

    @LocalServerPort
    int port;

    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aMemberImportOfThreeMegabytesReachesMemberService() throws Exception {
        HttpResponse<String> response =
                post("/api/v1/org-units/ou-1/member-imports?fileName=ds.csv", "text/csv", 3 * MB);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response.body()))
                .containsEntry("service", "member-service")
                .containsEntry("path", "/api/v1/org-units/ou-1/member-imports")
                .containsEntry("query", "fileName=ds.csv")
                .containsEntry("bodyBytes", 3 * MB);
    }

    @Test
    void anAttachmentOfOneAndAHalfMegabytesReachesMeetingService() throws Exception {
        HttpResponse<String> response =
                post("/api/v1/meetings/m-1/attachments?fileName=du-thao.pdf", "application/pdf", 3 * MB / 2);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response.body()))
                .containsEntry("service", "meeting-service")
                .containsEntry("path", "/api/v1/meetings/m-1/attachments")
                .containsEntry("bodyBytes", 3 * MB / 2);
    }

    @Test
    void everyOtherRouteKeepsTheOneMegabyteDefault() throws Exception {
        long before = MEETINGS.bodyBytesReceived();

        HttpResponse<String> response = post("/api/v1/meetings/m-1/attendance", "application/json", 3 * MB / 2);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response.body())).containsEntry("status", 413);
        assertThat(MEETINGS.bodyBytesReceived()).isEqualTo(before);
    }

    @Test
    void aDeclaredLengthAboveTheUploadRoutesLimitIs413BeforeAByteIsProxied() throws Exception {
        long before = MEETINGS.bodyBytesReceived();

        String reply = exchange(
                "POST /api/v1/meetings/m-1/attachments HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/pdf\r\nContent-Length: " + (2 * MB + 1) + "\r\n\r\n",
                0,
                false);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
        assertThat(MEETINGS.bodyBytesReceived()).isEqualTo(before);
    }

    @Test
    void aChunkedUploadAboveItsLimitIsCutWhileItStreams() throws Exception {
        String reply = exchange(
                "POST /api/v1/meetings/m-1/attachments HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n",
                64L * MB,
                false);

        assertThat(reply).startsWith("HTTP/1.1 413");
        assertThat(reply).containsIgnoringCase("content-type: application/problem+json");
    }

    /**
     * The first megabyte of a chunked import reaches member-service before the client has sent the
     * rest: the gateway streams it (a gateway that held the body until its end would pass nothing yet).
     */
    @Test
    void aChunkedUploadIsStreamedToTheBackendNotHeld() throws Exception {
        long before = MEMBERS.bodyBytesReceived();

        String reply = exchange(
                "POST /api/v1/org-units/ou-1/member-imports HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n",
                2L * MB,
                true);

        assertThat(reply).startsWith("HTTP/1.1 201");
        assertThat(reply).contains("\"bodyBytes\":" + 2 * MB);
        assertThat(MEMBERS.bodyBytesReceived() - before).isEqualTo(2L * MB);
    }

    private HttpResponse<String> post(String path, String contentType, int bytes) throws Exception {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer t0ken")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(String body) {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    }

    /**
     * Sends a head and, when asked, a chunked body of {@code chunkedBytes} until the gateway answers;
     * with {@code waitForBackendHalfway}, stops after the first half until member-service has
     * received some of it, then sends the rest and the last chunk. Returns the answer's text.
     */
    private String exchange(String head, long chunkedBytes, boolean waitForBackendHalfway) throws Exception {
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
            long before = MEMBERS.bodyBytesReceived();
            long sent = 0;
            boolean waited = false;
            try {
                while (sent < chunkedBytes && !answer.isDone()) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                    if (waitForBackendHalfway && !waited && sent >= chunkedBytes / 2) {
                        out.flush();
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (MEMBERS.bodyBytesReceived() == before && System.nanoTime() < deadline) {
                            Thread.sleep(20);
                        }
                        assertThat(MEMBERS.bodyBytesReceived())
                                .as("bytes at the backend before the body is complete")
                                .isGreaterThan(before);
                        waited = true;
                    }
                }
                if (waitForBackendHalfway) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException closedByGateway) {
                // The gateway answered and hung up.
            }
            String reply = answer.get(60, TimeUnit.SECONDS);
            assertThat(sent).isLessThan(32L * MB);
            return reply;
        }
    }
}
