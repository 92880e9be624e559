package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Party dues over real HTTP, the Mongo wire protocol and a real broker. */
@ServiceIntegrationTest
class DuesApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The last month that has begun and ended, whatever day the suite runs. */
    private static final YearMonth LAST_MONTH = YearMonth.now(VietnamTime.ZONE).minusMonths(1);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    String admin = TestTokens.admin();
    String cellA;
    String cellAPath;
    String cellB;
    String secretaryA;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "d" + System.nanoTime() % 1_000_000;
        String province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        String committee =
                created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", province)));
        Answer cell = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committee));
        cellA = created(cell);
        cellAPath = cell.text("orgPath");
        cellB = created(http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ thôn Đình Dù", "CELL", committee)));
        secretaryA = TestTokens.user("bt").grant(cellAPath, "secretary").token();
    }

    @Test
    void aSecretaryRecordsAMonthOnceAndTheWholeYearIsPublishedUnderTheMemberKey() {
        String id = member(cellA, "Nguyễn Thị Thu Hà");
        Answer first = http.post("/api/v1/members/" + id + "/dues", secretaryA, payment(LAST_MONTH, 75_000));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.etag()).isEqualTo("\"1\"");
        assertThat(first.body().path("monthsPaid").get(0).asInt()).isEqualTo(LAST_MONTH.getMonthValue());
        assertThat(first.body().path("history").get(0).path("recordedBy").asString())
                .isEqualTo("bt");

        Answer second = http.post("/api/v1/members/" + id + "/dues", secretaryA, payment(LAST_MONTH, 75_000));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.text("code")).isEqualTo("dues-already-paid");

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                brokers,
                "members.dues.v1",
                Duration.ofSeconds(20),
                r -> r.stream().anyMatch(x -> id.equals(x.key())));
        List<ConsumerRecord<String, byte[]>> mine =
                records.stream().filter(r -> id.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, byte[]> event = mine.getFirst();
        assertThat(EventContractValidator.header(event, "ce_type")).isEqualTo("members.dues.recorded");
        assertThat(EventContractValidator.header(event, "ce_orgpath")).isEqualTo(cellAPath);
        assertThat(EventContractValidator.violations(event)).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("year").asInt()).isEqualTo(LAST_MONTH.getYear());
        assertThat(data.path("monthsPaid").get(0).asInt()).isEqualTo(LAST_MONTH.getMonthValue());
        assertThat(data.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aCellSheetIsAllOrNothingAndRepeatingItRecordsNothingTwice() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Lê Văn An", "Trần Thị Lan", "Phạm Văn Bình")) {
            ids.add(member(cellA, name));
        }
        String outsider = member(cellB, "Đỗ Văn Nam");
        String sheetPath = "/api/v1/org-units/" + cellA + "/dues/" + LAST_MONTH;

        Map<String, Object> early = sheet(ids, 50_000);
        rows(early).get(1).put("paidOn", LAST_MONTH.minusMonths(1).atDay(28).toString());
        rows(early).get(2).put("memberId", outsider);
        Answer refused = http.post(sheetPath, secretaryA, early);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("fields").propertyNames())
                .containsExactlyInAnyOrder("rows[1].paidOn", "rows[2].memberId");

        Map<String, Object> negative = sheet(ids, 50_000);
        rows(negative).get(2).put("amount", -5);
        Answer invalid = http.post(sheetPath, secretaryA, negative);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsString("field")).containsExactly("rows[2].amount");

        Answer empty = http.get(sheetPath, secretaryA);
        assertThat(empty.status()).as(empty.body().toString()).isEqualTo(200);
        assertThat(empty.body().path("paidCount").asInt())
                .as("nothing half-written")
                .isZero();
        assertThat(empty.body().path("unpaidCount").asInt()).isEqualTo(3);

        Answer done = http.post(sheetPath, secretaryA, sheet(ids, 50_000));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        assertThat(done.body().path("recorded").asInt()).isEqualTo(3);
        Answer again = http.post(sheetPath, secretaryA, sheet(ids, 50_000));
        assertThat(again.body().path("recorded").asInt()).isZero();
        assertThat(again.body().path("alreadyRecorded").asInt()).isEqualTo(3);

        Answer paid = http.get(sheetPath, secretaryA);
        assertThat(paid.body().path("paidCount").asInt()).isEqualTo(3);
        assertThat(paid.body().path("totalAmount").asLong()).isEqualTo(150_000);
        assertThat(paid.body().path("lines").findValuesAsString("fullName"))
                .containsExactly("Lê Văn An", "Phạm Văn Bình", "Trần Thị Lan");
        for (String id : ids) {
            assertThat(http.get("/api/v1/members/" + id + "/dues?year=" + LAST_MONTH.getYear(), secretaryA)
                            .body()
                            .path("history"))
                    .hasSize(1);
        }
        List<ConsumerRecord<String, byte[]>> events = TopicProbe.read(
                brokers,
                "members.dues.v1",
                Duration.ofSeconds(20),
                r -> r.stream().filter(x -> ids.contains(x.key())).count() >= 3);
        assertThat(events.stream().filter(r -> ids.contains(r.key()))).hasSize(3);

        Answer differently = http.post(sheetPath, secretaryA, sheet(ids, 60_000));
        assertThat(differently.status()).isEqualTo(409);
        assertThat(differently.text("detail")).contains("rows[0]");
    }

    @Test
    void theSameIdempotencyKeyIsAReplayNotASecondPayment() throws Exception {
        String id = member(cellA, "Nguyễn Thị Thu Hà");
        String body = JSON.writeValueAsString(payment(LAST_MONTH, 75_000));
        HttpResponse<String> first = postWithKey("/api/v1/members/" + id + "/dues", body, "phieu-thu-0001");
        HttpResponse<String> replay = postWithKey("/api/v1/members/" + id + "/dues", body, "phieu-thu-0001");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).path("version").asLong()).isEqualTo(1);
        for (String bad : List.of("khoa co dau cach", "x".repeat(101))) {
            HttpResponse<String> badKey = postWithKey("/api/v1/members/" + id + "/dues", body, bad);
            assertThat(badKey.statusCode()).isEqualTo(400);
            assertThat(badKey.body()).contains("Idempotency-Key");
        }

        String sheetPath = "/api/v1/org-units/" + cellA + "/dues/" + LAST_MONTH.minusMonths(1);
        String sheet = JSON.writeValueAsString(sheet(List.of(id), 75_000));
        assertThat(postWithKey(sheetPath, sheet, "bang-thu-1").statusCode()).isEqualTo(200);
        HttpResponse<String> sheetReplay = postWithKey(sheetPath, sheet, "bang-thu-1");
        assertThat(JSON.readTree(sheetReplay.body()).path("alreadyRecorded").asInt())
                .isEqualTo(1);
    }

    @Test
    void aCorrectionKeepsTheWrongLineAndAStaleIfMatchIsA409() {
        String id = member(cellA, "Nguyễn Thị Thu Hà");
        http.post("/api/v1/members/" + id + "/dues", secretaryA, payment(LAST_MONTH, 750_000));
        String path = "/api/v1/members/" + id + "/dues/" + LAST_MONTH + "/corrections";
        Answer corrected = http.post(
                path,
                secretaryA,
                Map.of("amount", 75_000, "paidOn", LAST_MONTH.atDay(10).toString(), "reason", "Thừa một chữ số 0"));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().path("payments").get(0).path("amount").asLong())
                .isEqualTo(75_000);
        assertThat(corrected.body().path("history").findValuesAsString("kind"))
                .containsExactly("PAYMENT", "CORRECTION");
        Answer noReason = http.post(path, secretaryA, Map.of("cancelled", true));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsString("field")).containsExactly("reason");
        Answer cancelled = http.post(path, secretaryA, Map.of("cancelled", true, "reason", "Ghi nhầm người"));
        assertThat(cancelled.body().path("monthsPaid")).isEmpty();
        assertThat(cancelled.etag()).isEqualTo("\"3\"");
    }

    @Test
    void badMonthsAndYearsAreA400NamingTheField() {
        String id = member(cellA, "Nguyễn Thị Thu Hà");
        YearMonth next = YearMonth.now(VietnamTime.ZONE).plusMonths(1);
        Answer future = http.post(
                "/api/v1/members/" + id + "/dues",
                secretaryA,
                Map.of(
                        "month",
                        next.toString(),
                        "amount",
                        50_000,
                        "paidOn",
                        LocalDate.now(VietnamTime.ZONE).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsString("field")).containsExactly("month");
        for (String month : List.of("2026-13", "2026-1", "1929-12", "tháng-ba")) {
            Answer answer = http.get("/api/v1/org-units/" + cellA + "/dues/" + month, secretaryA);
            assertThat(answer.status()).as(month).isEqualTo(400);
            assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly("month");
        }
        Answer year = http.get("/api/v1/members/" + id + "/dues?year=" + (next.getYear() + 1), secretaryA);
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.body().path("errors").findValuesAsString("field")).containsExactly("year");
        Map<String, Object> tooMany = sheet(java.util.Collections.nCopies(501, id), 50_000);
        Answer big = http.post("/api/v1/org-units/" + cellA + "/dues/" + LAST_MONTH, secretaryA, tooMany);
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body().path("errors").findValuesAsString("field")).containsExactly("rows");
    }

    @Test
    void theMissingListNamesUnpaidEndedMonths() {
        String paid = member(cellA, "Lê Văn An");
        String unpaid = member(cellA, "Trần Thị Lan");
        YearMonth month = LAST_MONTH;
        http.post("/api/v1/members/" + paid + "/dues", secretaryA, payment(month, 50_000));

        Answer list = http.get("/api/v1/org-units/" + cellA + "/missing-dues?year=" + month.getYear(), secretaryA);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        assertThat(list.body().path("warningFrom").asInt()).isEqualTo(2);
        JsonNode lan = list.body()
                .path("members")
                .valueStream()
                .filter(m -> m.path("memberId").asString().equals(unpaid))
                .findFirst()
                .orElseThrow();
        assertThat(lan.path("unpaidMonths").valueStream().map(JsonNode::asInt)).contains(month.getMonthValue());
        list.body()
                .path("members")
                .valueStream()
                .filter(m -> m.path("memberId").asString().equals(paid))
                .forEach(m -> assertThat(m.path("unpaidMonths").valueStream().map(JsonNode::asInt))
                        .doesNotContain(month.getMonthValue()));
    }

    @Test
    void everyDuesEndpointIs404OutsideTheSubtreeAnd403ForAPlainMemberWhoReadsOnlyTheirOwn() {
        String id = member(cellA, "Nguyễn Thị Thu Hà");
        String colleague = member(cellA, "Trần Thị Lan");
        http.post("/api/v1/members/" + id + "/dues", secretaryA, payment(LAST_MONTH, 50_000));
        String outsider = TestTokens.user("bt-b")
                .grant("/x" + UUID.randomUUID().toString().substring(0, 4) + "/", "superior")
                .token();
        String plain = TestTokens.user("dv")
                .member(UUID.fromString(id))
                .grant(cellAPath, "member")
                .token();
        int year = LAST_MONTH.getYear();
        String correction = "/api/v1/members/" + colleague + "/dues/" + LAST_MONTH + "/corrections";
        Map<String, Object> fix = Map.of("cancelled", true, "reason", "Ghi nhầm");

        for (String token : List.of(outsider, plain)) {
            int expected = token.equals(outsider) ? 404 : 403;
            List<Answer> answers = List.of(
                    http.post("/api/v1/members/" + colleague + "/dues", token, payment(LAST_MONTH, 50_000)),
                    http.post(correction, token, fix),
                    http.get("/api/v1/members/" + colleague + "/dues?year=" + year, token),
                    http.post(
                            "/api/v1/org-units/" + cellA + "/dues/" + LAST_MONTH, token, sheet(List.of(colleague), 1)),
                    http.get("/api/v1/org-units/" + cellA + "/dues/" + LAST_MONTH, token),
                    http.get("/api/v1/org-units/" + cellA + "/missing-dues?year=" + year, token));
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).status())
                        .as("endpoint %d, expected %d", i, expected)
                        .isEqualTo(expected);
                assertThat(answers.get(i).contentType()).startsWith("application/problem+json");
            }
        }
        Answer own = http.get("/api/v1/members/" + id + "/dues?year=" + year, plain);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("monthsPaid")).hasSize(1);
        assertThat(http.post("/api/v1/members/" + id + "/dues", plain, payment(LAST_MONTH.minusMonths(1), 1))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/members/" + colleague + "/dues?year=" + year, secretaryA)
                        .status())
                .isEqualTo(200);
    }

    private HttpResponse<String> postWithKey(String path, String body, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + secretaryA)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String member(String cellId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", name);
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1985-04-12");
        body.put("citizenId", String.format("033185%06d", System.nanoTime() / 1000 % 1_000_000));
        body.put("cellId", cellId);
        body.put("status", "FULL");
        body.put("joinedOn", "2020-03-02");
        return created(http.post("/api/v1/members", admin, body));
    }

    private static Map<String, Object> payment(YearMonth month, long amount) {
        return Map.of("month", month.toString(), "amount", amount, "paidOn", paidOn(month));
    }

    private static String paidOn(YearMonth month) {
        LocalDate day = month.atDay(10);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        return (day.isAfter(today) ? month.atDay(1) : day).toString();
    }

    private static Map<String, Object> sheet(List<String> memberIds, long amount) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String id : memberIds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("memberId", id);
            row.put("amount", amount);
            row.put("paidOn", LAST_MONTH.atDay(20).toString());
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", rows);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> sheet) {
        return (List<Map<String, Object>>) sheet.get("rows");
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
