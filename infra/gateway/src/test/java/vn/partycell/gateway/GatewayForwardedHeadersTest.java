package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the backend learns about the caller: a caller that is not a trusted proxy cannot forge
 * {@code X-Forwarded-*} (here no address is trusted), the gateway's own describe the hop, and
 * headers that belong to the caller's connection (named in its {@code Connection} header) stay there.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partycell.gateway.trusted-proxies=10\\\\.9\\\\.9\\\\.9")
class GatewayForwardedHeadersTest {

    static final StubBackend MEMBERS = StubBackend.start("member-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("MEMBER_SERVICE_URI", MEMBERS::uri);
    }

    @AfterAll
    static void stopBackend() {
        MEMBERS.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anUntrustedCallersForwardedHeadersAreReplacedByTheGatewaysOwn() throws Exception {
        Map<String, Object> echo =
                echo(get("X-Forwarded-For: 6.6.6.6\r\nX-Forwarded-Host: evil.example\r\nForwarded: for=6.6.6.6\r\n"));

        assertThat(echo)
                .containsEntry("forwardedFor", "127.0.0.1")
                .containsEntry("forwardedProto", "http")
                .containsEntry("forwardedHost", "localhost:" + port)
                .containsEntry("forwarded", null);
    }

    @Test
    void aHeaderNamedInConnectionStaysOnTheCallersHopAndOthersPass() throws Exception {
        Map<String, Object> echo =
                echo(get("Connection: keep-alive, X-Hop-Only\r\nX-Hop-Only: 1\r\nX-End-To-End: 2\r\n"));

        assertThat(echo).containsEntry("hopOnly", null).containsEntry("endToEnd", "2");
    }

    /** A raw request: the JDK client refuses to send a {@code Connection} header of the caller's choosing. */
    private String get(String extraHeaders) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/members/x HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + extraHeaders
                            + "Connection-Close-After: yes\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> echo(String rawResponse) {
        assertThat(rawResponse).startsWith("HTTP/1.1 200");
        String body = rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4);
        if (rawResponse.toLowerCase().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        return JSON.readValue(body, new TypeReference<>() {});
    }
}
