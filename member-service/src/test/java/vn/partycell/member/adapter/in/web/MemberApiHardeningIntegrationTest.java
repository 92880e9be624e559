package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.ApiFuzz;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * member-service against bad input and out-of-scope callers: no input reaches a 500, every 4xx is
 * problem+json, dates stay in their domain, out of scope is 404 on every write.
 */
@ServiceIntegrationTest
class MemberApiHardeningIntegrationTest {

    private static final java.time.YearMonth LAST_MONTH = java.time.YearMonth.now(
                    vn.partycell.platform.kernel.VietnamTime.ZONE)
            .minusMonths(1);

    @LocalServerPort
    int port;

    Http http;
    String admin = TestTokens.admin();
    String committeeA;
    String cellA;
    String cellAPath;
    String groupA;
    String committeeB;
    String cellB;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "f" + System.nanoTime() % 1_000_000;
        String province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        committeeA = created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", province)));
        committeeB = created(http.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", province)));
        Answer cell = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committeeA));
        cellA = created(cell);
        cellAPath = cell.text("orgPath");
        groupA = created(http.post("/api/v1/org-units", admin, unit("to-1", "Tổ đảng 1", "PARTY_GROUP", cellA)));
        cellB = created(http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ 2", "CELL", committeeB)));
    }

    @Test
    void noMalformedRequestDerivedFromTheOpenApiDocumentReachesA5xx() throws Exception {
        String memberId = created(http.post("/api/v1/members", admin, member(cellA, "1985-04-12")));
        ApiFuzz fuzz = ApiFuzz.on(port)
                .token("admin", admin)
                .token(
                        "member",
                        TestTokens.user("dv").grant(cellAPath, "member").token())
                .example("id", memberId)
                .example("cellId", cellA)
                .example("parentId", committeeA)
                .example("partyGroupId", groupA)
                .example("code", "cb-fz")
                .example("citizenId", citizenId())
                .example("phone", "0912345678")
                .example("dateOfBirth", "1985-04-12")
                .example("joinedOn", "2020-03-02")
                .example(
                        "effectiveOn",
                        LocalDate.now(VietnamTime.ZONE).minusDays(1).toString())
                .example("from", LocalDate.now(VietnamTime.ZONE).minusDays(1).toString())
                .example(
                        "decidedOn",
                        LocalDate.now(VietnamTime.ZONE).minusDays(1).toString())
                .example("hostCellId", cellB)
                .example("toCellId", cellB)
                // dues: a month that has begun, a day inside it, a year with months
                .example("month", LAST_MONTH.toString())
                .example("paidOn", LAST_MONTH.atDay(1).toString())
                .example("year", LAST_MONTH.getYear())
                .example("memberId", memberId);

        List<String> findings = fuzz.run();

        assertThat(fuzz.sent()).isGreaterThan(300);
        assertThat(findings).isEmpty();
    }

    @Test
    void aMalformedSortIsNeverA500() {
        for (String path : List.of("/api/v1/org-units?sort=,", "/api/v1/org-units/" + cellA + "/members?sort=,")) {
            Answer answer = http.get(path, admin);
            assertThat(answer.status()).as(path).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void datesTheStoreCannotHoldOrThatMakeNoSenseAreA400NamingTheField() {
        for (String born : List.of(
                "-300000000-01-01",
                "+300000000-01-01",
                "1899-12-31",
                LocalDate.now(VietnamTime.ZONE).plusDays(1).toString())) {
            Answer answer = http.post("/api/v1/members", admin, member(cellA, born));
            assertThat(answer.status()).as(born).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("errors").findValuesAsString("field"))
                    .as(born)
                    .contains("dateOfBirth");
        }
        Map<String, Object> early = member(cellA, "1985-04-12");
        early.put("joinedOn", "1929-12-31");
        assertThat(http.post("/api/v1/members", admin, early)
                        .body()
                        .path("errors")
                        .findValuesAsString("field"))
                .containsExactly("joinedOn");

        String id = created(http.post("/api/v1/members", admin, member(cellA, "1985-04-12")));
        for (String on : List.of(
                "+300000000-01-01",
                "1929-12-31",
                LocalDate.now(VietnamTime.ZONE).plusDays(2).toString())) {
            Answer answer = http.post("/api/v1/members/" + id + "/recognition", admin, statusChange(on));
            assertThat(answer.status()).as(on).isEqualTo(400);
            assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly("effectiveOn");
        }
    }

    @Test
    void aNameLongerThan100CharactersIsA400() {
        Map<String, Object> body = member(cellA, "1985-04-12");
        body.put("fullName", "Nguyễn ".repeat(20));
        Answer answer = http.post("/api/v1/members", admin, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly("fullName");
    }

    @Test
    void everyWriteOutsideTheCallersSubtreeIs404LikeARandomIdAndTooLowARoleInsideIs403() {
        String id = created(http.post("/api/v1/members", admin, member(cellA, "1985-04-12")));
        String outsider = TestTokens.user("du-b")
                .grant("/hy/b-" + UUID.randomUUID().toString().substring(0, 4) + "/", "superior")
                .token();
        String superiorA = TestTokens.user("du-a").grant(cellAPath, "superior").token();
        String randomId = UUID.randomUUID().toString();

        List<Answer> outside = List.of(
                http.post("/api/v1/org-units", outsider, unit("cb-09", "Chi bộ 9", "CELL", committeeA)),
                http.post("/api/v1/members", outsider, member(cellA, "1985-04-12")),
                http.post("/api/v1/members/" + id + "/recognition", outsider, statusChange("2026-03-02")));
        List<Answer> random = List.of(
                http.post("/api/v1/org-units", superiorA, unit("cb-09", "Chi bộ 9", "CELL", randomId)),
                http.post("/api/v1/members", superiorA, member(randomId, "1985-04-12")),
                http.post("/api/v1/members/" + randomId + "/recognition", superiorA, statusChange("2026-03-02")));
        for (int i = 0; i < outside.size(); i++) {
            assertThat(outside.get(i).status()).as("write %d out of scope", i).isEqualTo(404);
            assertThat(outside.get(i).contentType()).startsWith("application/problem+json");
            assertThat(random.get(i).status()).as("write %d on a random id", i).isEqualTo(404);
            assertThat(outside.get(i).text("detail")).isEqualTo(random.get(i).text("detail"));
        }
        String plainMember = TestTokens.user("dv").grant(cellAPath, "member").token();
        String secretaryA = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        for (Answer weak : List.of(
                // A secretary of the cell may not create units under it (superior and up).
                http.post("/api/v1/org-units", secretaryA, unit("to-9", "Tổ đảng 9", "PARTY_GROUP", cellA)),
                http.post("/api/v1/members", plainMember, member(cellA, "1985-04-12")),
                http.post("/api/v1/members/" + id + "/recognition", plainMember, statusChange("2026-03-02")))) {
            assertThat(weak.status()).isEqualTo(403);
            assertThat(weak.text("code")).isEqualTo("forbidden");
        }
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }

    private static Map<String, Object> member(String cellId, String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Thị Thu Hà");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", dateOfBirth);
        body.put("citizenId", citizenId());
        body.put("cellId", cellId);
        body.put("status", "PROBATIONARY");
        body.put("joinedOn", "2025-03-02");
        return body;
    }

    private static Map<String, Object> statusChange(String effectiveOn) {
        return Map.of("effectiveOn", effectiveOn, "reason", "Hết thời gian dự bị");
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static final java.util.concurrent.atomic.AtomicLong CITIZEN_SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong((System.nanoTime() / 1000) % 1_000_000);

    /** Hưng Yên (033), a woman born in the 1900s (1), in 1985 (85), as {@link #member} describes her. */
    private static String citizenId() {
        return String.format("033185%06d", CITIZEN_SEQUENCE.incrementAndGet() % 1_000_000);
    }
}
