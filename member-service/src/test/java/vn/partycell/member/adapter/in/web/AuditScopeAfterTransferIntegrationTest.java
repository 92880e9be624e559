package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * An audit line keeps the org path it was written at: after an official transfer (chuyển sinh hoạt
 * đảng chính thức) the superiors of the former cell still read the lines of the time the member was
 * theirs and the transfer itself, the superiors of the new cell read the transfer and what follows,
 * and neither reads the other's lines.
 */
@ServiceIntegrationTest
class AuditScopeAfterTransferIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    @LocalServerPort
    int port;

    Http http;
    String cellA;
    String cellB;
    String secretaryA;
    String secretaryB;
    String superiorA;
    String superiorB;
    String province;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String admin = TestTokens.admin();
        String code = "as" + System.nanoTime() % 1_000_000;
        Http.Answer root = http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy", "PROVINCE", null));
        province = root.text("orgPath");
        Http.Answer committeeA =
                http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy A", "COMMITTEE", root.text("id")));
        Http.Answer committeeB =
                http.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", root.text("id")));
        Http.Answer a = http.post("/api/v1/org-units", admin, unit("cb-a", "Chi bộ A", "CELL", committeeA.text("id")));
        Http.Answer b = http.post("/api/v1/org-units", admin, unit("cb-b", "Chi bộ B", "CELL", committeeB.text("id")));
        assertThat(b.status()).as(b.body().toString()).isEqualTo(201);
        cellA = a.text("id");
        cellB = b.text("id");
        secretaryA =
                TestTokens.user("bt-a").grant(a.text("orgPath"), "secretary").token();
        secretaryB =
                TestTokens.user("bt-b").grant(b.text("orgPath"), "secretary").token();
        superiorA = TestTokens.user("ht-a")
                .grant(committeeA.text("orgPath"), "superior")
                .token();
        superiorB = TestTokens.user("ht-b")
                .grant(committeeB.text("orgPath"), "superior")
                .token();
    }

    @Test
    void theFormerCellsSuperiorsKeepTheLinesOfTheirTimeAndTheNewOnesReadFromTheTransferOn() {
        Map<String, Object> person = member();
        Http.Answer registered = http.post("/api/v1/members", secretaryA, person);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        String id = registered.text("id");
        Http.Answer requested = http.post(
                "/api/v1/members/" + id + "/transfers",
                secretaryA,
                Map.of("toCellId", cellB, "kind", "OFFICIAL", "from", YESTERDAY, "reason", "Chuyển công tác"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
        String transferId =
                requested.body().path("history").get(1).path("entryId").asString();
        Http.Answer accepted = http.post(
                "/api/v1/members/" + id + "/transfers/" + transferId + "/acceptance",
                secretaryB,
                Map.of("effectiveOn", YESTERDAY, "reason", "Tiếp nhận"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        Map<String, Object> correction = new LinkedHashMap<>(person);
        correction.keySet().removeAll(List.of("cellId", "partyGroupId", "status", "joinedOn"));
        correction.put("phone", "0987654321");
        correction.put("reason", "Đổi số điện thoại");
        Http.Answer corrected = http.post("/api/v1/members/" + id + "/identity-corrections", secretaryB, correction);
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);

        Http.Answer former = http.get("/api/v1/audit?recordId=" + id, superiorA);
        assertThat(former.status())
                .as("the former cell's superior still reads the record's log")
                .isEqualTo(200);
        assertThat(actions(former))
                .as("registration, transfer request and acceptance; not the new cell's correction")
                .containsExactly("members.member.updated", "members.member.updated", "members.member.registered");
        Http.Answer current = http.get("/api/v1/audit?recordId=" + id, superiorB);
        assertThat(current.status()).isEqualTo(200);
        assertThat(actions(current))
                .as("the acceptance and the correction after it, nothing of the former cell's time")
                .hasSize(2);
        assertThat(current.body().path("content").get(0).path("orgPath").asString())
                .isEqualTo(accepted.text("orgPath"));
        assertThat(former.body().path("content").get(0).path("changes").toString())
                .contains("cellId");

        // By user: the former cell's secretary's lines stay with the former cell's superiors.
        assertThat(http.get("/api/v1/audit?userId=bt-a", superiorB)
                        .body()
                        .path("content")
                        .toString())
                .doesNotContain(id);
        // Still 404 outside every path the record was at, 403 inside with a lower role.
        String elsewhere =
                TestTokens.user("ht-x").grant(province + "khac/", "superior").token();
        assertThat(http.get("/api/v1/audit?recordId=" + id, elsewhere).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/audit?recordId=" + id, secretaryA).status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/audit?recordId=" + id, secretaryB).status())
                .isEqualTo(403);
    }

    private static List<String> actions(Http.Answer answer) {
        List<String> actions = new ArrayList<>();
        for (JsonNode line : answer.body().path("content")) {
            actions.add(line.path("action").asString());
        }
        return actions;
    }

    private Map<String, Object> member() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Trần Thị Mai");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1987-06-01");
        // Hưng Yên (033), a woman born in the 1900s (1), in 1987.
        body.put("citizenId", String.format("033187%06d", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("phone", "0912345678");
        body.put("cellId", cellA);
        body.put("status", "FULL");
        body.put("joinedOn", "2012-03-02");
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
