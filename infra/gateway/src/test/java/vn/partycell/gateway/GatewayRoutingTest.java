package vn.partycell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routes to four stub backends over real HTTP: paths, queries, headers and bodies arrive intact. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final StubBackend MEMBERS = StubBackend.start("member-service");
    static final StubBackend MEETINGS = StubBackend.start("meeting-service");
    static final StubBackend EVALUATIONS = StubBackend.start("evaluation-service");
    static final StubBackend NOTIFICATIONS = StubBackend.start("notification-service");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("MEMBER_SERVICE_URI", MEMBERS::uri);
        registry.add("MEETING_SERVICE_URI", MEETINGS::uri);
        registry.add("EVALUATION_SERVICE_URI", EVALUATIONS::uri);
        registry.add("NOTIFICATION_SERVICE_URI", NOTIFICATIONS::uri);
    }

    @AfterAll
    static void stopBackends() {
        MEMBERS.close();
        MEETINGS.close();
        EVALUATIONS.close();
        NOTIFICATIONS.close();
    }

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void client() {
        http = new GatewayHttp(port);
    }

    @Test
    void memberRequestReachesMemberServiceWithPathQueryAndAuthorizationIntact() {
        var response = http.get(
                "/api/v1/members/x?page=2&size=5&name=Nguy%E1%BB%85n%20V%C4%83n",
                headers -> headers.setBearerAuth("header.payload.signature"));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.headers().getFirst("X-Backend")).isEqualTo("member-service");
        Map<String, Object> echo = response.json();
        assertThat(echo)
                .containsEntry("service", "member-service")
                .containsEntry("method", "GET")
                .containsEntry("path", "/api/v1/members/x")
                .containsEntry("query", "page=2&size=5&name=Nguy%E1%BB%85n%20V%C4%83n")
                .containsEntry("authorization", "Bearer header.payload.signature");
    }

    /**
     * The backends speak HTTP/1.1: an h2c upgrade offer on every request (what the JDK client would
     * send by default) is never accepted by them, so the gateway makes none.
     */
    @Test
    void backendsAreCalledOverHttp11WithoutAnH2cUpgradeOffer() {
        var response = http.get("/api/v1/meetings/m-1", headers -> headers.setBearerAuth("header.payload.signature"));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        Map<String, Object> echo = response.json();
        assertThat(echo).containsEntry("protocol", "HTTP/1.1").containsEntry("upgrade", null);
        assertThat(String.valueOf(echo.get("connection"))).doesNotContainIgnoringCase("upgrade");
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/org-units, member-service",
        "/api/v1/org-units/0b6c/members, member-service",
        "/api/v1/members, member-service",
        "/api/v1/audit, member-service",
        "/api/v1/compliance, meeting-service",
        "/api/v1/compliance/watch-runs, meeting-service",
        "/api/v1/meetings, meeting-service",
        "/api/v1/meetings/m-1/attendance, meeting-service",
        "/api/v1/cells/c-1/roster, meeting-service",
        "/api/v1/tasks/t-1/reports, meeting-service",
        "/api/v1/scorecards/2026, evaluation-service",
        "/api/v1/removal-reviews/r-7, evaluation-service",
        "/api/v1/notices, notification-service",
        "/api/v1/notices/n-3, notification-service",
        "/api/v1/org-units/ou-1/member-imports, member-service",
        "/api/v1/meetings/m-1/attachments, meeting-service",
        "/api/v1/meetings/m-1/attachments/a-1/content, meeting-service"
    })
    void eachResourceGoesToItsService(String path, String service) {
        var response = http.get(path);

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.json()).containsEntry("service", service).containsEntry("path", path);
    }

    @ParameterizedTest
    @CsvSource({"member-service", "meeting-service", "evaluation-service", "notification-service"})
    void eachServiceOpenApiDocumentIsLinked(String service) {
        var response = http.get("/v3/api-docs/" + service);

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.json()).containsEntry("service", service).containsEntry("path", "/v3/api-docs");
    }

    @Test
    void requestBodyStatusAndMethodPassThrough() {
        String body = "{\"fullName\":\"Trần Thị Bình\",\"gender\":\"FEMALE\"}";

        var response = http.call(HttpMethod.POST, "/api/v1/members", headers -> headers.setBearerAuth("t0ken"), body);

        assertThat(response.status()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.json())
                .containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/members")
                .containsEntry("authorization", "Bearer t0ken")
                .containsEntry("body", body);
    }

    @Test
    void requestIdIsAddedWhenMissingAndReturnedOnTheResponse() {
        var response = http.get("/api/v1/meetings/m-1");

        assertThat(response.headers().get("X-Request-Id")).hasSize(1);
        String requestId = response.headers().getFirst("X-Request-Id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(response.json()).containsEntry("requestId", requestId).containsEntry("requestIdCount", 1);
    }

    @Test
    void callersRequestIdIsKept() {
        var response = http.get("/api/v1/notices", headers -> headers.set("X-Request-Id", "trace-abc-123"));

        assertThat(response.headers().get("X-Request-Id")).containsExactly("trace-abc-123");
        assertThat(response.json()).containsEntry("requestId", "trace-abc-123").containsEntry("requestIdCount", 1);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/unknown",
        "/api/v1/membership",
        "/api/v1/evaluations",
        "/api/v1/evaluations/e-1",
        "/",
        "/api/v2/members/x",
        "/v3/api-docs/unknown-service"
    })
    void unknownPathIsA404Problem(String path) {
        var response = http.get(path, headers -> headers.set("X-Request-Id", "req-404"));

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.headers().get("X-Request-Id")).containsExactly("req-404");
        assertThat(response.json())
                .containsEntry("status", 404)
                .containsEntry("title", "Not Found")
                .containsEntry("detail", "Không tìm thấy tài nguyên được yêu cầu.")
                .containsEntry("instance", path)
                .containsEntry("requestId", "req-404")
                .doesNotContainKeys("trace", "exception", "message", "error");
    }

    @Test
    void errorPathCalledDirectlyIsA404Problem() {
        var response = http.get("/error");

        assertThat(response.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.json()).containsEntry("status", 404).containsEntry("title", "Not Found");
    }

    @Test
    void wrongMethodOnAGatewayEndpointIsA405ProblemWithAllow() {
        var response = http.call(HttpMethod.DELETE, "/actuator/health", headers -> {}, null);

        assertThat(response.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.headers().getAllow()).contains(HttpMethod.GET);
        assertThat(response.json())
                .containsEntry("title", "Method Not Allowed")
                .containsEntry("detail", "Phương thức HTTP này không được hỗ trợ cho đường dẫn đã gọi.");
    }

    @Test
    void aQueryThatIsNotUtf8IsA400ProblemNotA500() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/org-units?code=%00%ff"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");
    }
}
