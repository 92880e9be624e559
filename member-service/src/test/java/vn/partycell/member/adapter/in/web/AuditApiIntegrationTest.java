package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * The audit log over real HTTP and the Mongo wire protocol: every kind of change leaves a line with
 * who, when, what, from → to and the request id; an export leaves one before its file; only
 * superiors read it (404 outside their subtree, 403 inside with a lower role).
 */
@ServiceIntegrationTest
class AuditApiIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String YESTERDAY =
            LocalDate.now(VietnamTime.ZONE).minusDays(1).toString();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    String admin = TestTokens.admin();
    String cellA;
    String cellAPath;
    String committeeAPath;
    String secretaryA;
    String superiorA;
    String superiorB;
    String secretaryUser;

    @BeforeEach
    void tree() throws Exception {
        String code = "au" + System.nanoTime() % 1_000_000;
        String province = send("POST", "/api/v1/org-units", admin, null, null, unit(code, "Tỉnh ủy", "PROVINCE", null))
                .path("id")
                .asString();
        JsonNode committeeA =
                send("POST", "/api/v1/org-units", admin, null, null, unit("a", "Đảng ủy A", "COMMITTEE", province));
        committeeAPath = committeeA.path("orgPath").asString();
        JsonNode committeeB =
                send("POST", "/api/v1/org-units", admin, null, null, unit("b", "Huyện ủy B", "COMMITTEE", province));
        JsonNode cell = send(
                "POST",
                "/api/v1/org-units",
                admin,
                null,
                null,
                unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committeeA.path("id").asString()));
        cellA = cell.path("id").asString();
        cellAPath = cell.path("orgPath").asString();
        secretaryUser = "bt-" + code;
        secretaryA =
                TestTokens.user(secretaryUser).grant(cellAPath, "secretary").token();
        superiorA = TestTokens.user("ht-a").grant(committeeAPath, "superior").token();
        superiorB = TestTokens.user("ht-b")
                .grant(committeeB.path("orgPath").asString(), "superior")
                .token();
    }

    @Test
    void everyKindOfChangeLeavesALineWithWhoWhatFromToAndTheRequest() throws Exception {
        JsonNode registered = send("POST", "/api/v1/members", secretaryA, null, "req-register", member());
        String id = registered.path("id").asString();
        JsonNode exempted = send(
                "POST",
                "/api/v1/members/" + id + "/exemptions",
                secretaryA,
                "\"" + registered.path("version").asLong() + "\"",
                "req-exempt",
                Map.of("from", YESTERDAY, "reason", "Ốm dài ngày"));
        Map<String, Object> identity = member();
        identity.remove("cellId");
        identity.remove("status");
        identity.remove("joinedOn");
        identity.put("citizenId", registered.path("citizenId").asString());
        identity.put("phone", "0987654321");
        identity.put("reason", "Đổi số điện thoại");
        send(
                "POST",
                "/api/v1/members/" + id + "/identity-corrections",
                secretaryA,
                "\"" + exempted.path("version").asLong() + "\"",
                "req-identity",
                identity);

        JsonNode lines = send("GET", "/api/v1/audit?recordId=" + id, superiorA, null, null, null);
        assertThat(lines.path("page").path("totalElements").asLong()).isEqualTo(3);
        List<JsonNode> content = list(lines.path("content"));
        assertThat(content)
                .extracting(l -> l.path("requestId").asString())
                .containsExactly("req-identity", "req-exempt", "req-register");
        assertThat(content)
                .extracting(l -> l.path("action").asString())
                .containsExactly("members.member.updated", "members.member.updated", "members.member.registered");
        assertThat(content)
                .extracting(l -> l.path("operation").asString())
                .containsExactly(
                        "POST /api/v1/members/{id}/identity-corrections",
                        "POST /api/v1/members/{id}/exemptions",
                        "POST /api/v1/members");
        JsonNode corrected = content.getFirst();
        assertThat(corrected.path("userId").asString()).isEqualTo(secretaryUser);
        assertThat(corrected.path("userName").asString()).isEqualTo(secretaryUser);
        assertThat(corrected.path("userRoles").asString()).isEqualTo("secretary@" + cellAPath);
        assertThat(corrected.path("recordKind").asString()).isEqualTo("member");
        assertThat(corrected.path("orgPath").asString()).isEqualTo(cellAPath);
        assertThat(change(corrected, "person.phone")).isEqualTo(Map.of("from", "0912345678", "to", "0987654321"));
        assertThat(change(corrected, "identityCorrections+").get("to")).contains("Đổi số điện thoại");
        JsonNode exemption = content.get(1);
        assertThat(change(exemption, "exempted")).isEqualTo(Map.of("from", "false", "to", "true"));
        assertThat(change(exemption, "history+").get("to")).contains("Ốm dài ngày");
        assertThat(change(content.get(2), "person.fullName")).containsEntry("to", "Nguyễn Thị Thu Hà");

        // An org unit's rename and a dues payment: their own records, the same log.
        JsonNode unit = send("GET", "/api/v1/org-units/" + cellA, admin, null, null, null);
        send(
                "POST",
                "/api/v1/org-units/" + cellA + "/rename",
                admin,
                "\"" + unit.path("version").asLong() + "\"",
                "req-rename",
                Map.of("name", "Chi bộ Sở Tư pháp tỉnh"));
        JsonNode renamed = list(send("GET", "/api/v1/audit?recordId=" + cellA, superiorA, null, null, null)
                        .path("content"))
                .getFirst();
        assertThat(renamed.path("action").asString()).isEqualTo("members.org-unit.renamed");
        assertThat(renamed.path("requestId").asString()).isEqualTo("req-rename");
        assertThat(change(renamed, "name"))
                .isEqualTo(Map.of("from", "Chi bộ Sở Tư pháp", "to", "Chi bộ Sở Tư pháp tỉnh"));

        String month = YearMonth.now().minusMonths(1).toString();
        send(
                "POST",
                "/api/v1/members/" + id + "/dues",
                secretaryA,
                null,
                "req-dues",
                Map.of("month", month, "amount", 75000, "paidOn", YESTERDAY));
        JsonNode dues = list(send("GET", "/api/v1/audit?userId=" + secretaryUser, superiorA, null, null, null)
                        .path("content"))
                .getFirst();
        assertThat(dues.path("recordKind").asString()).isEqualTo("dues-ledger");
        assertThat(dues.path("operation").asString()).isEqualTo("POST /api/v1/members/{id}/dues");
        assertThat(dues.path("requestId").asString()).isEqualTo("req-dues");
        assertThat(dues.toString()).contains("75000");
    }

    @Test
    void anExportLeavesALineWithItsFilterAndFormat() throws Exception {
        HttpResponse<String> file =
                raw("GET", "/api/v1/members/export?format=csv&cellId=" + cellA, secretaryA, null, "req-export", null);
        assertThat(file.statusCode()).isEqualTo(200);

        JsonNode line = list(send("GET", "/api/v1/audit?userId=" + secretaryUser, superiorA, null, null, null)
                        .path("content"))
                .getFirst();
        assertThat(line.path("recordKind").asString()).isEqualTo("member-export");
        assertThat(line.path("action").asString()).isEqualTo("export.csv");
        assertThat(line.path("requestId").asString()).isEqualTo("req-export");
        assertThat(line.path("orgPath").asString()).isEqualTo(cellAPath);
        assertThat(change(line, "cellId")).containsEntry("to", cellA);
        assertThat(change(line, "personalColumns")).containsEntry("to", "true");
        // The export's own line is readable by its record id too.
        assertThat(send(
                                "GET",
                                "/api/v1/audit?recordId="
                                        + line.path("recordId").asString(),
                                superiorA,
                                null,
                                null,
                                null)
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void onlySuperiorsOverTheRecordReadItsLines() throws Exception {
        String id = send("POST", "/api/v1/members", secretaryA, null, null, member())
                .path("id")
                .asString();

        assertThat(raw("GET", "/api/v1/audit?recordId=" + id, superiorB, null, null, null)
                        .statusCode())
                .as("outside the caller's subtree")
                .isEqualTo(404);
        HttpResponse<String> lower = raw("GET", "/api/v1/audit?recordId=" + id, secretaryA, null, null, null);
        assertThat(lower.statusCode()).as("inside with a lower role").isEqualTo(403);
        assertThat(lower.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(raw("GET", "/api/v1/audit?recordId=" + UUID.randomUUID(), superiorA, null, null, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(raw("GET", "/api/v1/audit?recordId=" + id, superiorA, null, null, null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(raw("GET", "/api/v1/audit?userId=" + secretaryUser, secretaryA, null, null, null)
                        .statusCode())
                .as("by user, no superior grant")
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/audit?userId=" + secretaryUser, superiorB, null, null, null)
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .as("a superior elsewhere sees none of the lines on records outside their subtree")
                .isZero();
        assertThat(send("GET", "/api/v1/audit?userId=" + secretaryUser, superiorA, null, null, null)
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isEqualTo(1);

        HttpResponse<String> neither = raw("GET", "/api/v1/audit", superiorA, null, null, null);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("recordId");
    }

    private static Map<String, String> change(JsonNode line, String field) {
        for (JsonNode c : line.path("changes")) {
            if (c.path("field").asString().equals(field)) {
                Map<String, String> fromTo = new LinkedHashMap<>();
                if (!c.path("from").isNull()) {
                    fromTo.put("from", c.path("from").asString());
                }
                fromTo.put("to", c.path("to").asString());
                return fromTo;
            }
        }
        throw new AssertionError("no change of " + field + " in " + line);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private JsonNode send(String method, String path, String token, String ifMatch, String requestId, Object body)
            throws Exception {
        HttpResponse<String> response = raw(method, path, token, ifMatch, requestId, body);
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> raw(
            String method, String path, String token, String ifMatch, String requestId, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A woman born in 1985 in Hưng Yên: her citizen ID is 033 1 85 and six more digits. */
    private Map<String, Object> member() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Thị Thu Hà");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1985-04-12");
        body.put("citizenId", String.format("033185%06d", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("phone", "0912345678");
        body.put("address", "Số 5 phố Chùa Chuông");
        body.put("cellId", cellA);
        body.put("status", "FULL");
        body.put("joinedOn", "2010-03-02");
        return body;
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }
}
