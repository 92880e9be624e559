package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * Self-criticism month after month and the superior's grade, over real HTTP, a real broker and the
 * Mongo wire protocol: the rotation through the stored history, the events against their schemas,
 * scope on every endpoint, and bad input.
 */
@ServiceIntegrationTest
class SelfCriticismAndGradeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    final UUID groupOne = UUID.randomUUID();
    final UUID groupTwo = UUID.randomUUID();
    final List<UUID> ofOne = new ArrayList<>();
    UUID ofTwo;
    UUID exemptedOfTwo;
    String secretary;
    String member;
    String outsider;
    String superior;
    final YearMonth thisMonth = YearMonth.now(VietnamTime.ZONE);

    @BeforeEach
    void cellWithTwoPartyGroups() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        member = TestTokens.user("dv").grant(cellPath, "member").token();
        outsider = TestTokens.user("du-b").grant("/hy/b/", "superior").token();
        superior = TestTokens.user("du-a")
                .member(UUID.randomUUID())
                .grant("/hy/a/", "superior")
                .token();
        orgUnit(cellId, "CELL", null, cellPath, "Chi bộ thôn Đình Dù");
        orgUnit(groupOne, "PARTY_GROUP", cellId, cellPath + "to-1/", "Tổ đảng số 1");
        orgUnit(groupTwo, "PARTY_GROUP", cellId, cellPath + "to-2/", "Tổ đảng số 2");
        for (int i = 0; i < 3; i++) {
            ofOne.add(register(groupOne, false));
        }
        ofTwo = register(groupTwo, false);
        exemptedOfTwo = register(groupTwo, true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer roster = http.get("/api/v1/cells/" + cellId + "/roster", secretary);
            assertThat(roster.body().path("members")).hasSize(5);
            assertThat(suggestions(thisMonth).body().path("groups")).hasSize(2);
        });
    }

    @AfterEach
    void close() {
        events.close();
    }

    private void orgUnit(UUID id, String kind, UUID parent, String path, String name) {
        events.send("members.org-unit.v1", "members.org-unit.created", id.toString(), path, """
                {"orgUnitId":"%s","code":"%s","name":"%s","kind":"%s","parentId":%s,"orgPath":"%s","version":1}""".formatted(
                        id,
                        path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1),
                        name,
                        kind,
                        parent == null ? "null" : "\"" + parent + "\"",
                        path));
    }

    private UUID register(UUID group, boolean exempted) {
        UUID id = UUID.randomUUID();
        events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                {"memberId":"%s","fullName":"Đảng viên %s","gender":"MALE","dateOfBirth":"1980-05-19",
                 "cellId":"%s","partyGroupId":"%s","orgPath":"%s","status":"FULL","exempted":%s,
                 "joinedOn":"2006-03-26","email":null,"version":1}""".formatted(
                        id, id.toString().substring(0, 4), cellId, group, cellPath, exempted));
        return id;
    }

    private String base(YearMonth month) {
        return "/api/v1/cells/" + cellId + "/self-criticism/" + month;
    }

    private Answer suggestions(YearMonth month) {
        return http.get(base(month) + "/suggestions", secretary);
    }

    private static JsonNode group(Answer suggestions, UUID groupId) {
        return suggestions
                .body()
                .path("groups")
                .valueStream()
                .filter(g -> g.path("partyGroupId").asString().equals(groupId.toString()))
                .findFirst()
                .orElseThrow();
    }

    private static UUID suggested(JsonNode group) {
        return UUID.fromString(group.path("suggested").path("memberId").asString());
    }

    private Answer nominate(YearMonth month, UUID groupId, UUID memberId) {
        return http.put(base(month) + "/nominations/" + groupId, secretary, Map.of("memberId", memberId));
    }

    @Test
    void monthAfterMonthEveryoneOfAGroupGoesOnceBeforeAnyoneGoesTwiceAndEachOutcomeIsPublished() {
        Set<UUID> picked = new HashSet<>();
        for (int back = 3; back >= 1; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            Answer s = suggestions(month);
            assertThat(s.status()).as(s.body().toString()).isEqualTo(200);
            JsonNode two = group(s, groupTwo);
            assertThat(two.path("candidates").findValuesAsString("memberId")).containsExactly(ofTwo.toString());
            UUID next = suggested(group(s, groupOne));
            assertThat(nominate(month, groupOne, next).status()).isEqualTo(200);
            Answer nominated = nominate(month, groupTwo, ofTwo);
            assertThat(nominated.status()).isEqualTo(200);
            Answer pick = http.put(base(month) + "/pick", secretary, Map.of("memberId", next));
            assertThat(pick.status()).as(pick.body().toString()).isEqualTo(200);
            Answer stale = withIfMatch(HttpMethod.PUT, base(month) + "/outcome", Map.of("done", true), "\"1\"");
            assertThat(stale.status()).isEqualTo(409);
            Answer outcome = withIfMatch(
                    HttpMethod.PUT,
                    base(month) + "/outcome",
                    Map.of("done", true, "note", "Nhận khuyết điểm, hứa sửa chữa"),
                    pick.etag());
            assertThat(outcome.status()).as(outcome.body().toString()).isEqualTo(200);
            assertThat(picked.add(next)).as("nobody twice: %s", month).isTrue();
        }
        assertThat(picked).containsExactlyInAnyOrderElementsOf(ofOne);
        Answer round = http.get(base(thisMonth.minusMonths(1)), member);
        assertThat(round.status()).isEqualTo(200);
        assertThat(round.body().path("outcome").path("done").asBoolean()).isTrue();
        assertThat(round.body().path("nominations")).hasSize(2);
        // The cycle starts again with the one who went longest ago.
        assertThat(suggested(group(suggestions(thisMonth), groupOne)))
                .isEqualTo(UUID.fromString(
                        http.get(base(thisMonth.minusMonths(3)), member).text("picked")));

        List<ConsumerRecord<String, byte[]>> published = TopicProbe.read(
                        brokers,
                        "meetings.self-criticism.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream()
                                        .filter(x -> cellId.toString().equals(x.key()))
                                        .count()
                                >= 3)
                .stream()
                .filter(r -> cellId.toString().equals(r.key()))
                .toList();
        assertThat(published).hasSize(3);
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        assertThat(published)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsOnly("meetings.self-criticism.recorded");
        JsonNode first = JSON.readTree(published.getFirst().value());
        assertThat(first.path("outcome").asString()).isEqualTo("DONE");
        assertThat(first.path("partyGroupId").asString()).isEqualTo(groupOne.toString());
        assertThat(first.path("nominees")).hasSize(2);
        assertThat(published.stream()
                        .map(r -> JSON.readTree(r.value()).path("memberId").asString()))
                .containsExactlyInAnyOrderElementsOf(
                        ofOne.stream().map(UUID::toString).toList());
    }

    @Test
    void badSelfCriticismInputIsA4xxNamingTheFieldAndWritesNothing() {
        YearMonth month = thisMonth;
        Answer wrongGroup = nominate(month, groupOne, ofTwo);
        assertThat(wrongGroup.status()).isEqualTo(422);
        assertThat(wrongGroup.text("code")).isEqualTo("nominee-not-in-group");
        assertThat(wrongGroup.text("field")).isEqualTo("memberId");
        Answer exempted = nominate(month, groupTwo, exemptedOfTwo);
        assertThat(exempted.status()).isEqualTo(422);
        assertThat(nominate(month, UUID.randomUUID(), ofTwo).status()).isEqualTo(404);
        assertThat(http.get(base(month), secretary).body().path("version").asLong())
                .isZero();

        Answer badMonth = http.get("/api/v1/cells/" + cellId + "/self-criticism/2026-13", secretary);
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.contentType()).startsWith("application/problem+json");
        assertThat(badMonth.body().path("errors").findValuesAsString("field")).containsExactly("month");
        Answer farAhead = http.get(base(thisMonth.plusMonths(2)), secretary);
        assertThat(farAhead.status()).isEqualTo(400);
        assertThat(farAhead.body().path("errors").findValuesAsString("field")).containsExactly("month");
        Answer noMember = http.put(base(month) + "/nominations/" + groupTwo, secretary, Map.of("note", "x"));
        assertThat(noMember.status()).isEqualTo(400);
        assertThat(noMember.body().path("errors").findValuesAsString("field")).containsExactly("memberId");

        Answer noPick = http.put(base(month) + "/outcome", secretary, Map.of("done", true));
        assertThat(noPick.status()).isEqualTo(422);
        assertThat(nominate(month, groupTwo, ofTwo).status()).isEqualTo(200);
        Answer notNominee = http.put(base(month) + "/pick", secretary, Map.of("memberId", ofOne.getFirst()));
        assertThat(notNominee.status()).isEqualTo(422);
        assertThat(notNominee.text("field")).isEqualTo("memberId");
        assertThat(http.put(base(month) + "/pick", secretary, Map.of("memberId", ofTwo))
                        .status())
                .isEqualTo(200);
        Answer noReason = http.put(base(month) + "/outcome", secretary, Map.of("done", false));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.text("field")).isEqualTo("reason");
        Map<String, Object> notDone = new LinkedHashMap<>();
        notDone.put("done", false);
        notDone.put("reason", "Đồng chí ốm, vắng có lý do");
        assertThat(http.put(base(month) + "/outcome", secretary, notDone).status())
                .isEqualTo(200);
        Answer twice = http.put(base(month) + "/outcome", secretary, Map.of("done", true));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("self-criticism-recorded");
        // Not done is no turn: the member is still the one due in the group.
        assertThat(suggested(group(suggestions(thisMonth.plusMonths(1)), groupTwo)))
                .isEqualTo(ofTwo);
    }

    private String scheduled(boolean inProgress) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ thường kỳ");
        // Soon enough to be opened now (the start tolerance), never in the past.
        body.put("startsAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString());
        body.put("place", "Nhà văn hóa thôn");
        body.put("agenda", List.of("Đánh giá kết quả tháng trước"));
        Answer meeting = http.post("/api/v1/meetings", secretary, body);
        assertThat(meeting.status()).isEqualTo(201);
        String id = meeting.text("id");
        if (inProgress) {
            assertThat(http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of())
                            .status())
                    .isEqualTo(200);
            Answer attendance = http.put(
                    "/api/v1/meetings/" + id + "/attendance",
                    secretary,
                    Map.of("entries", List.of(Map.of("memberId", ofTwo, "status", "PRESENT", "spoke", true))));
            assertThat(attendance.body().path("status").asString()).isEqualTo("IN_PROGRESS");
        }
        return id;
    }

    @Test
    void theSuperiorGradesAMeetingOnceAndCorrectsItByARecordEachPublished() {
        String notHeld = scheduled(false);
        Answer early = http.post("/api/v1/meetings/" + notHeld + "/grade", superior, grade("GOOD"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("meeting-not-held");

        String id = scheduled(true);
        Answer scale = http.get("/api/v1/meetings/" + id + "/grade/scale", member);
        assertThat(scale.body().path("levels").findValuesAsString("code"))
                .containsExactly("GOOD", "FAIR", "AVERAGE", "POOR");
        Answer outside = http.post("/api/v1/meetings/" + id + "/grade", superior, grade("EXCELLENT"));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.text("code")).isEqualTo("grade-not-in-scale");
        assertThat(outside.text("field")).isEqualTo("grade");
        Answer missing = http.post("/api/v1/meetings/" + id + "/grade", superior, Map.of("grade", "GOOD"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field")).containsExactly("attended");
        assertThat(http.get("/api/v1/meetings/" + id + "/grade", member).status())
                .isEqualTo(404);

        Answer graded = http.post("/api/v1/meetings/" + id + "/grade", superior, grade("FAIR"));
        assertThat(graded.status()).as(graded.body().toString()).isEqualTo(201);
        Answer twice = http.post("/api/v1/meetings/" + id + "/grade", superior, grade("GOOD"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("meeting-already-graded");
        Answer noReason = http.post("/api/v1/meetings/" + id + "/grade/corrections", superior, grade("GOOD"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsString("field")).containsExactly("reason");
        Map<String, Object> correction = new LinkedHashMap<>(grade("GOOD"));
        correction.put("reason", "Xem lại biên bản: đủ 8 đảng viên phát biểu");
        Answer corrected = withIfMatch(
                HttpMethod.POST, "/api/v1/meetings/" + id + "/grade/corrections", correction, graded.etag(), superior);
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        Answer read = http.get("/api/v1/meetings/" + id + "/grade", member);
        assertThat(read.text("grade")).isEqualTo("GOOD");
        assertThat(read.body().path("records").findValuesAsString("grade")).containsExactly("FAIR", "GOOD");

        List<ConsumerRecord<String, byte[]>> published = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream()
                                        .filter(x -> id.equals(x.key()))
                                        .filter(x -> "meetings.meeting.graded"
                                                .equals(EventContractValidator.header(x, "ce_type")))
                                        .count()
                                >= 2)
                .stream()
                .filter(r -> id.equals(r.key()))
                .filter(r -> "meetings.meeting.graded".equals(EventContractValidator.header(r, "ce_type")))
                .toList();
        assertThat(published).hasSize(2);
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode second = JSON.readTree(published.get(1).value());
        assertThat(second.path("revision").asInt()).isEqualTo(2);
        assertThat(second.path("grade").asString()).isEqualTo("GOOD");
        assertThat(second.path("scale").valueStream().map(JsonNode::asString))
                .containsExactly("GOOD", "FAIR", "AVERAGE", "POOR");
        assertThat(second.path("attended").asBoolean()).isTrue();
        assertThat(second.path("correctionReason").asString()).startsWith("Xem lại");
    }

    private Answer withIfMatch(HttpMethod method, String path, Object body, String etag) {
        return withIfMatch(method, path, body, etag, secretary);
    }

    /** The platform's Http sends no If-Match; this request does, through the same answer shape. */
    private Answer withIfMatch(HttpMethod method, String path, Object body, String etag, String token) {
        return RestClient.create("http://localhost:" + port)
                .method(method)
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    return new Answer(
                            res.getStatusCode().value(),
                            bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes),
                            String.valueOf(res.getHeaders().getContentType()),
                            res.getHeaders().getETag());
                });
    }

    private static Map<String, Object> grade(String code) {
        return Map.of("grade", code, "comment", "Chuẩn bị chu đáo", "attended", true);
    }

    @Test
    void everyNewEndpointIs404OutsideTheSubtreeAnd403WithTooLowARole() {
        String meetingId = scheduled(true);
        YearMonth month = thisMonth;
        Map<String, Object> nomination = Map.of("memberId", ofTwo);
        Map<String, Object> correction = Map.of("grade", "GOOD", "attended", true, "reason", "Sửa");
        List<String> reads = List.of(
                base(month),
                base(month) + "/suggestions",
                "/api/v1/meetings/" + meetingId + "/grade",
                "/api/v1/meetings/" + meetingId + "/grade/scale");
        for (String path : reads) {
            Answer answer = http.get(path, outsider);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        // The committee's suggestions are not for every member.
        assertThat(http.get(base(month) + "/suggestions", member).status()).isEqualTo(403);
        assertThat(http.get(base(month), member).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/meetings/" + meetingId + "/grade/scale", member)
                        .status())
                .isEqualTo(200);

        for (String token : List.of(outsider, member)) {
            int expected = token.equals(outsider) ? 404 : 403;
            List<Answer> writes = List.of(
                    http.put(base(month) + "/nominations/" + groupTwo, token, nomination),
                    http.put(base(month) + "/pick", token, nomination),
                    http.put(base(month) + "/outcome", token, Map.of("done", true)),
                    http.post("/api/v1/meetings/" + meetingId + "/grade", token, grade("GOOD")),
                    http.post("/api/v1/meetings/" + meetingId + "/grade/corrections", token, correction));
            for (int i = 0; i < writes.size(); i++) {
                assertThat(writes.get(i).status()).as("write %d", i).isEqualTo(expected);
                assertThat(writes.get(i).contentType()).startsWith("application/problem+json");
            }
        }
        // The cell's own secretary runs self-criticism but does not grade the cell's meeting.
        assertThat(http.post("/api/v1/meetings/" + meetingId + "/grade", secretary, grade("GOOD"))
                        .status())
                .isEqualTo(403);
        String randomCell = "/api/v1/cells/" + UUID.randomUUID() + "/self-criticism/" + month;
        assertThat(http.get(randomCell, secretary).text("detail"))
                .isEqualTo(http.get(base(month), outsider).text("detail"));
        assertThat(http.get("/api/v1/cells/" + groupOne + "/self-criticism/" + month, secretary)
                        .status())
                .isEqualTo(404);
        assertThat(http.get(base(month), secretary).body().path("version").asLong())
                .isZero();
    }
}
