package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proxy's client passes the backends' answers through instead of acting on them: a redirect
 * reaches the caller, a compressed body stays compressed, and a cookie one caller's backend set is
 * never sent on behalf of another caller. Called with a bare JDK client, which does none of these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayTransparencyTest {

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

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aRedirectFromABackendReachesTheCallerUnfollowed() throws Exception {
        HttpResponse<String> response = get("/api/v1/members/x/redirect", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/members/elsewhere");
    }

    @Test
    void aCompressedBodyPassesThroughCompressed() throws Exception {
        HttpResponse<byte[]> response = client.send(
                request("/api/v1/members/x/gzip")
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            Map<String, Object> echo = JSON.readValue(unzipped.readAllBytes(), new TypeReference<>() {});
            assertThat(echo).containsEntry("acceptEncoding", "gzip");
        }
    }

    @Test
    void theGatewayAsksForNoEncodingTheCallerDidNotAskFor() throws Exception {
        HttpResponse<String> response = get("/api/v1/members/x", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo(response)).containsEntry("acceptEncoding", null);
    }

    @Test
    void aCookieABackendSetIsNotReplayedForAnotherCaller() throws Exception {
        HttpResponse<String> first = get("/api/v1/members/x/cookie", null);
        assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("backend-session="));

        HttpResponse<String> second = get("/api/v1/members/y", null);

        assertThat(echo(second)).containsEntry("cookie", null);
    }

    @Test
    void aPatchPassesThroughWithItsBody() throws Exception {
        HttpResponse<String> response = client.send(
                request("/api/v1/members/x")
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"phone\":\"0912345678\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(echo(response)).containsEntry("method", "PATCH").containsEntry("body", "{\"phone\":\"0912345678\"}");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder builder = request(path);
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static Map<String, Object> echo(HttpResponse<String> response) {
        return JSON.readValue(response.body(), new TypeReference<>() {});
    }
}
