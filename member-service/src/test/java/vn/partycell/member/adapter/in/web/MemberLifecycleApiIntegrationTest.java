package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The member register's history over real HTTP, a real broker and the Mongo wire protocol:
 * privacy of personal identifiers, every typed status change, discipline, corrections, scope.
 */
@ServiceIntegrationTest
class MemberLifecycleApiIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String YESTERDAY =
            LocalDate.now(VietnamTime.ZONE).minusDays(1).toString();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    String admin = TestTokens.admin();
    String province;
    String cellA;
    String cellAPath;
    String groupA;
    String cellB;
    String cellBPath;
    String secretaryA;
    String secretaryB;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "l" + System.nanoTime() % 1_000_000;
        province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        String committeeA =
                created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy A", "COMMITTEE", province)));
        String committeeB =
                created(http.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", province)));
        Answer a = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committeeA));
        cellA = created(a);
        cellAPath = a.text("orgPath");
        groupA = created(http.post("/api/v1/org-units", admin, unit("to-1", "Tổ đảng 1", "PARTY_GROUP", cellA)));
        Answer b = http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ thôn Đình Dù", "CELL", committeeB));
        cellB = created(b);
        cellBPath = b.text("orgPath");
        secretaryA = TestTokens.user("bt-a").grant(cellAPath, "secretary").token();
        secretaryB = TestTokens.user("bt-b").grant(cellBPath, "secretary").token();
    }

    @Test
    void aPlainMemberSeesColleaguesWithoutTheirPersonalIdentifiersButTheMemberSeesTheirOwn() {
        Map<String, Object> body = member("PROBATIONARY", "2025-03-02");
        body.put("residencePlace", "Thôn Đình Dù, xã Đình Dù");
        body.put("residencePartyOrganisation", "Chi bộ thôn Đình Dù");
        String id = created(http.post("/api/v1/members", secretaryA, body));
        String cccd = (String) body.get("citizenId");

        String colleague = TestTokens.user("dv").grant(cellAPath, "member").token();
        for (JsonNode seen : List.of(
                http.get("/api/v1/members/" + id, colleague).body(),
                http.get("/api/v1/org-units/" + cellA + "/members", colleague)
                        .body()
                        .path("content")
                        .get(0))) {
            assertThat(seen.path("fullName").asString()).isEqualTo("Nguyễn Thị Thu Hà");
            assertThat(seen.path("personalDataHidden").asBoolean()).isTrue();
            assertThat(seen.path("citizenId").asString())
                    .isEqualTo(cccd.substring(0, 4) + "••••••" + cccd.substring(10))
                    .doesNotContain(cccd.substring(4, 10));
            assertThat(seen.path("phone").asString()).isEqualTo("•••••••678");
            assertThat(seen.path("dateOfBirth").isNull()).isTrue();
            assertThat(seen.path("address").isNull()).isTrue();
            assertThat(seen.path("residence").isNull()).isTrue();
            assertThat(seen.toString()).doesNotContain(cccd).doesNotContain("0912345678");
        }
        String committeeMember =
                TestTokens.user("cu").grant(cellAPath, "committee").token();
        assertThat(http.get("/api/v1/members/" + id, committeeMember).text("citizenId"))
                .isNotEqualTo(cccd);

        String self = TestTokens.user("ha")
                .member(UUID.fromString(id))
                .grant(cellAPath, "member")
                .token();
        for (String token : List.of(
                self, secretaryA, TestTokens.user("ht").grant("/", "superior").token())) {
            JsonNode full = http.get("/api/v1/members/" + id, token).body();
            assertThat(full.path("citizenId").asString()).isEqualTo(cccd);
            assertThat(full.path("phone").asString()).isEqualTo("0912345678");
            assertThat(full.path("dateOfBirth").asString()).isEqualTo("1985-04-12");
            assertThat(full.path("residence").path("partyOrganisation").asString())
                    .isEqualTo("Chi bộ thôn Đình Dù");
            assertThat(full.path("personalDataHidden").asBoolean()).isFalse();
        }
    }

    @Test
    void aCitizenIdThatDoesNotFitTheBirthYearOrGenderIsA422NamingTheField() {
        Map<String, Object> body = member("FULL", "2010-01-01");
        body.put("citizenId", "033085" + "123456");
        Answer wrongGender = http.post("/api/v1/members", secretaryA, body);
        assertThat(wrongGender.status()).isEqualTo(422);
        assertThat(wrongGender.contentType()).startsWith("application/problem+json");
        assertThat(wrongGender.body().path("fields").path("citizenId").asString())
                .contains("chữ số thứ 4");
        body.put("citizenId", "033190" + "123456");
        assertThat(http.post("/api/v1/members", secretaryA, body)
                        .body()
                        .path("fields")
                        .path("citizenId")
                        .asString())
                .contains("(85)");
        body.put("citizenId", "099185" + "123456");
        assertThat(http.post("/api/v1/members", secretaryA, body)
                        .body()
                        .path("fields")
                        .path("citizenId")
                        .asString())
                .contains("mã tỉnh");
        assertThat(http.get("/api/v1/org-units/" + cellA + "/members", secretaryA)
                        .body()
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void theHistoryIsAppendedAndCorrectedNeverEditedAndItsEventsHonourTheirContracts() throws Exception {
        String id = created(http.post("/api/v1/members", secretaryA, member("FULL", "2010-01-01")));
        Answer exempted = http.post(
                "/api/v1/members/" + id + "/exemptions",
                secretaryA,
                Map.of(
                        "from",
                        YESTERDAY,
                        "until",
                        LocalDate.now(VietnamTime.ZONE).plusYears(1).toString(),
                        "reason",
                        "Ốm dài ngày"));
        assertThat(exempted.status()).as(exempted.body().toString()).isEqualTo(200);
        assertThat(exempted.body().path("exempted").asBoolean()).isTrue();
        String exemptionId =
                exempted.body().path("history").get(1).path("entryId").asString();

        Answer stale = postIfMatch(
                "/api/v1/members/" + id + "/corrections",
                secretaryA,
                "\"1\"",
                Map.of("entryId", exemptionId, "reason", "Ghi nhầm"));
        assertThat(stale.status()).isEqualTo(409);
        Answer corrected = postIfMatch(
                "/api/v1/members/" + id + "/corrections",
                secretaryA,
                exempted.etag(),
                Map.of("entryId", exemptionId, "reason", "Ghi nhầm người"));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().path("exempted").asBoolean()).isFalse();
        assertThat(corrected.body().path("history").findValuesAsString("kind"))
                .containsExactly("ADMISSION", "EXEMPTION", "CORRECTION");

        Answer attached = http.post(
                "/api/v1/members/" + id + "/attachments",
                secretaryA,
                Map.of("hostCellId", cellB, "from", YESTERDAY, "reason", "Đi học dài hạn"));
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        assertThat(attached.text("meetingCellId")).isEqualTo(cellB);
        assertThat(attached.text("cellId")).isEqualTo(cellA);
        assertThat(http.post(
                                "/api/v1/members/" + id + "/attachments/end",
                                secretaryA,
                                Map.of("effectiveOn", YESTERDAY, "reason", "Về cơ quan"))
                        .text("meetingCellId"))
                .isEqualTo(cellA);

        Answer discipline = http.post(
                "/api/v1/members/" + id + "/discipline-decisions",
                secretaryA,
                Map.of(
                        "kind", "WARNING",
                        "decidedOn", YESTERDAY,
                        "issuingBody", "Chi bộ Sở Tư pháp",
                        "reason", "Vi phạm quy định",
                        "year", LocalDate.now(VietnamTime.ZONE).minusDays(1).getYear()));
        assertThat(discipline.status()).as(discipline.body().toString()).isEqualTo(200);
        String decisionId =
                discipline.body().path("discipline").get(0).path("decisionId").asString();
        Answer annulled = http.post(
                "/api/v1/members/" + id + "/corrections",
                secretaryA,
                Map.of("entryId", decisionId, "reason", "Quyết định bị hủy"));
        assertThat(annulled.body().path("discipline").get(0).path("annulled").asBoolean())
                .isTrue();

        List<ConsumerRecord<String, byte[]>> mine = TopicProbe.read(
                        brokers,
                        "members.member.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> id.equals(x.key())).count() >= 9)
                .stream()
                .filter(r -> id.equals(r.key()))
                .toList();
        assertThat(mine)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsExactly(
                        "members.member.registered",
                        "members.member.updated",
                        "members.member.updated",
                        "members.member.updated",
                        "members.member.updated",
                        "members.member.discipline-decided",
                        "members.member.updated",
                        "members.member.discipline-decided",
                        "members.member.updated");
        mine.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode attachedEvent =
                JsonMapper.builder().build().readTree(mine.get(3).value());
        assertThat(attachedEvent.path("meetingCellId").asString()).isEqualTo(cellB);
        JsonNode annulledEvent =
                JsonMapper.builder().build().readTree(mine.get(7).value());
        assertThat(annulledEvent.path("decisionId").asString()).isEqualTo(decisionId);
        assertThat(annulledEvent.path("annulled").asBoolean()).isTrue();
    }

    @Test
    void aTransferIsAnsweredByTheReceivingCellAndInTransitTheMemberMeetsNowhere() {
        String id = created(http.post("/api/v1/members", secretaryA, member("FULL", "2010-01-01")));
        Answer toGroup = http.post(
                "/api/v1/members/" + id + "/transfers",
                secretaryA,
                Map.of("toCellId", groupA, "kind", "OFFICIAL", "from", YESTERDAY, "reason", "x"));
        assertThat(toGroup.status()).isEqualTo(422);
        assertThat(toGroup.body().path("fields").has("toCellId")).isTrue();
        Answer unknown = http.post(
                "/api/v1/members/" + id + "/transfers",
                secretaryA,
                Map.of("toCellId", UUID.randomUUID().toString(), "kind", "OFFICIAL", "from", YESTERDAY, "reason", "x"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().path("fields").has("toCellId")).isTrue();

        Answer requested = http.post(
                "/api/v1/members/" + id + "/transfers",
                secretaryA,
                Map.of("toCellId", cellB, "kind", "OFFICIAL", "from", YESTERDAY, "reason", "Chuyển công tác"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
        assertThat(requested.body().path("inTransit").asBoolean()).isTrue();
        assertThat(requested.body().path("meetingCellId").isNull()).isTrue();
        String transferId =
                requested.body().path("history").get(1).path("entryId").asString();

        String acceptance = "/api/v1/members/" + id + "/transfers/" + transferId + "/acceptance";
        Map<String, Object> answer = Map.of("effectiveOn", YESTERDAY, "reason", "Tiếp nhận");
        assertThat(http.post(acceptance, secretaryA, answer).status())
                .as("the sending cell's secretary cannot see the receiving cell")
                .isEqualTo(404);
        Answer accepted = http.post(acceptance, secretaryB, answer);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.text("cellId")).isEqualTo(cellB);
        assertThat(accepted.text("orgPath")).isEqualTo(cellBPath);
        assertThat(http.get("/api/v1/members/" + id, secretaryB).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/members/" + id, secretaryA).status()).isEqualTo(404);
        assertThat(http.post(acceptance, secretaryB, answer).status()).isEqualTo(404);
    }

    @Test
    void recognitionsDueAndOverdueAreListedForTheSubtreeAndNotBeforeTheProbationEnds() {
        String recent = created(http.post("/api/v1/members", secretaryA, member("PROBATIONARY", YESTERDAY)));
        Answer early = http.post(
                "/api/v1/members/" + recent + "/recognition",
                secretaryA,
                Map.of("effectiveOn", YESTERDAY, "reason", "Công nhận"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.text("code")).isEqualTo("recognition-too-early");
        assertThat(early.body().path("fields").has("effectiveOn")).isTrue();

        String overdue = created(http.post("/api/v1/members", secretaryA, member("PROBATIONARY", "2020-01-15")));
        Answer list = http.get("/api/v1/org-units/" + province + "/recognitions-due", admin);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        assertThat(list.body().path("content").findValuesAsString("memberId")).containsExactly(overdue);
        assertThat(list.body().path("content").get(0).path("dueOn").asString()).isEqualTo("2021-01-15");
        assertThat(list.body().path("content").get(0).path("overdue").asBoolean())
                .isTrue();
        assertThat(list.body().path("content").get(0).has("citizenId")).isFalse();
        String later = LocalDate.now(VietnamTime.ZONE).plusYears(1).toString();
        assertThat(http.get("/api/v1/org-units/" + cellA + "/recognitions-due?asOf=" + later, secretaryA)
                        .body()
                        .path("content")
                        .findValuesAsString("memberId"))
                .containsExactly(overdue, recent);

        Answer recognised = http.post(
                "/api/v1/members/" + overdue + "/recognition",
                secretaryA,
                Map.of("effectiveOn", "2021-02-01", "reason", "Công nhận đảng viên chính thức"));
        assertThat(recognised.text("status")).isEqualTo("FULL");
        assertThat(http.get("/api/v1/org-units/" + province + "/recognitions-due", admin)
                        .body()
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    @Test
    void anIdentityCorrectionKeepsTheFormerIdentityAndACitizenIdAlreadyHeldIsA409() {
        Map<String, Object> first = member("FULL", "2010-01-01");
        String id = created(http.post("/api/v1/members", secretaryA, first));
        Map<String, Object> second = member("FULL", "2010-01-01");
        created(http.post("/api/v1/members", secretaryA, second));

        Map<String, Object> correction = new LinkedHashMap<>(first);
        correction.keySet().removeAll(List.of("cellId", "partyGroupId", "status", "joinedOn"));
        correction.put("fullName", "Nguyễn Thị Thu Hằng");
        correction.put("reason", "Sai một chữ trong tên");
        Answer fixed = http.post("/api/v1/members/" + id + "/identity-corrections", secretaryA, correction);
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        assertThat(fixed.text("fullName")).isEqualTo("Nguyễn Thị Thu Hằng");
        assertThat(fixed.body()
                        .path("identityCorrections")
                        .get(0)
                        .path("formerFullName")
                        .asString())
                .isEqualTo("Nguyễn Thị Thu Hà");

        correction.put("citizenId", second.get("citizenId"));
        Answer taken = http.post("/api/v1/members/" + id + "/identity-corrections", secretaryA, correction);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("citizen-id-taken");
        assertThat(http.get("/api/v1/members/" + id, secretaryA).text("citizenId"))
                .isEqualTo(first.get("citizenId"));
    }

    @Test
    void everyNewEndpointIs404OutsideTheCallersSubtreeAnd403WithTooLowARole() {
        String id = created(http.post("/api/v1/members", secretaryA, member("FULL", "2010-01-01")));
        String expelledId = created(http.post("/api/v1/members", secretaryA, member("FULL", "2010-01-01")));
        String transferId = http.post(
                        "/api/v1/members/" + expelledId + "/transfers",
                        secretaryA,
                        Map.of("toCellId", cellB, "kind", "TEMPORARY", "from", YESTERDAY, "reason", "Đi học"))
                .body()
                .path("history")
                .get(1)
                .path("entryId")
                .asString();
        String outsider = TestTokens.user("ngoai").grant("/khac/", "admin").token();
        String plain = TestTokens.user("dv").grant(cellAPath, "member").token();
        String plainB = TestTokens.user("dv-b").grant(cellBPath, "member").token();
        Map<String, Object> dated = Map.of("effectiveOn", YESTERDAY, "reason", "Lý do");
        Map<String, Object> identity = member("FULL", "2010-01-01");
        identity.keySet().removeAll(List.of("cellId", "partyGroupId", "status", "joinedOn"));
        identity.put("reason", "Lý do");
        Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
        writes.put("/recognition", dated);
        writes.put("/exemptions", Map.of("from", YESTERDAY, "reason", "Lý do"));
        writes.put("/exemptions/end", dated);
        writes.put("/attachments", Map.of("hostCellId", cellB, "from", YESTERDAY, "reason", "Lý do"));
        writes.put("/attachments/end", dated);
        writes.put("/transfers", Map.of("toCellId", cellB, "kind", "OFFICIAL", "from", YESTERDAY, "reason", "Lý do"));
        writes.put("/removal", dated);
        writes.put("/death", dated);
        writes.put(
                "/discipline-decisions",
                Map.of(
                        "kind", "REPRIMAND",
                        "decidedOn", YESTERDAY,
                        "issuingBody", "Chi bộ",
                        "reason", "Lý do",
                        "year", LocalDate.now(VietnamTime.ZONE).minusDays(1).getYear()));
        writes.put("/corrections", Map.of("entryId", UUID.randomUUID().toString(), "reason", "Lý do"));
        writes.put("/identity-corrections", identity);
        for (Map.Entry<String, Map<String, Object>> w : writes.entrySet()) {
            String path = "/api/v1/members/" + id + w.getKey();
            assertThat(http.post(path, outsider, w.getValue()).status())
                    .as("outside " + path)
                    .isEqualTo(404);
            assertThat(http.post("/api/v1/members/" + UUID.randomUUID() + w.getKey(), secretaryA, w.getValue())
                            .status())
                    .as("random id " + path)
                    .isEqualTo(404);
            Answer weak = http.post(path, plain, w.getValue());
            assertThat(weak.status()).as("plain member " + path).isEqualTo(403);
            assertThat(weak.contentType()).startsWith("application/problem+json");
        }
        Map<String, Object> expulsion = Map.of(
                "kind", "EXPULSION",
                "decidedOn", YESTERDAY,
                "issuingBody", "Huyện ủy",
                "reason", "Lý do",
                "year", LocalDate.now(VietnamTime.ZONE).minusDays(1).getYear());
        assertThat(http.post("/api/v1/members/" + id + "/discipline-decisions", secretaryA, expulsion)
                        .status())
                .as("an expulsion needs a superior")
                .isEqualTo(403);
        String superior = TestTokens.user("ht").grant(cellAPath, "superior").token();
        Answer expelled = http.post("/api/v1/members/" + id + "/discipline-decisions", superior, expulsion);
        assertThat(expelled.text("status")).isEqualTo("EXPELLED");

        for (String answer : List.of("/acceptance", "/refusal")) {
            String path = "/api/v1/members/" + expelledId + "/transfers/" + transferId + answer;
            assertThat(http.post(path, outsider, dated).status())
                    .as("outside " + path)
                    .isEqualTo(404);
            assertThat(http.post(path, plainB, dated).status())
                    .as("plain member " + path)
                    .isEqualTo(403);
        }
        assertThat(http.post(
                                "/api/v1/members/" + expelledId + "/transfers/" + transferId + "/refusal",
                                secretaryB,
                                dated)
                        .text("meetingCellId"))
                .isEqualTo(cellA);

        String due = "/api/v1/org-units/" + cellA + "/recognitions-due";
        assertThat(http.get(due, outsider).status()).isEqualTo(404);
        assertThat(http.get(due, plain).status()).isEqualTo(403);
        assertThat(http.get(due, secretaryA).status()).isEqualTo(200);
    }

    private Answer postIfMatch(String path, String token, String ifMatch, Object body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("If-Match", ifMatch)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        JsonMapper.builder().build().writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        return new Answer(
                response.statusCode(),
                json,
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("ETag").orElse(null));
    }

    /** A woman born in 1985 in Hưng Yên: her citizen ID is 033 1 85 and six more digits. */
    private Map<String, Object> member(String status, String joinedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Thị Thu Hà");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1985-04-12");
        body.put("citizenId", String.format("033185%06d", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("phone", "0912345678");
        body.put("address", "Số 5 phố Chùa Chuông");
        body.put("cellId", cellA);
        body.put("status", status);
        body.put("joinedOn", joinedOn);
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

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }
}
