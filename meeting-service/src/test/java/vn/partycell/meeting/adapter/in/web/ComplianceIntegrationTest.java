package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.MutableClock;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The compliance watch end to end over a real broker, the Mongo wire protocol and HTTP: org-unit
 * events make the cells known (a dissolved one and one outside the committee too), a meeting closed
 * through the API reaches the period facts through meeting-service's own topic (a redelivery counts
 * nothing twice), the superior's list ranks the cells, and the watch publishes one overdue event per
 * cell and period however often it runs. The service's clock stands on the first day of the month
 * after next, so that the cells, created today, owe the whole of next month.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "partycell.compliance.watch.enabled=false")
class ComplianceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = VietnamTime.date(java.time.Instant.now());
    /** The month the test holds meetings in: next month, over for the service's clock. */
    private static final YearMonth MONTH = YearMonth.from(TODAY).plusMonths(1);

    private static final LocalDate SERVICE_DAY = MONTH.plusMonths(1).atDay(1);

    private static final java.time.Instant SERVICE_NOW =
            SERVICE_DAY.atTime(9, 0).atZone(VietnamTime.ZONE).toInstant();

    /** Stands on the service day; moved back to each meeting's start while it is held, then returned. */
    static final MutableClock CLOCK = new MutableClock(SERVICE_NOW);

    @TestConfiguration
    static class ServiceClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final UUID province = UUID.randomUUID();
    final UUID committee = UUID.randomUUID();
    final UUID held = UUID.randomUUID();
    final UUID missed = UUID.randomUUID();
    final UUID dissolved = UUID.randomUUID();
    final UUID elsewhere = UUID.randomUUID();
    final List<UUID> members = new ArrayList<>();
    String provincePath;
    String committeePath;
    String superior;

    @BeforeEach
    void tree() {
        events = new TestEvents(brokers);
        http = new Http(port);
        provincePath = "/t" + tag + "/";
        committeePath = provincePath + "hy/";
        superior = TestTokens.user("huyen-uy").grant(committeePath, "superior").token();
        unit(province, null, "PROVINCE", "t" + tag, "Tỉnh ủy", provincePath, 1);
        unit(committee, province, "COMMITTEE", "hy", "Huyện ủy", committeePath, 1);
        unit(held, committee, "CELL", "cb-a", "Chi bộ thôn An", committeePath + "cb-a/", 1);
        unit(missed, committee, "CELL", "cb-b", "Chi bộ thôn Bình", committeePath + "cb-b/", 1);
        unit(dissolved, committee, "CELL", "cb-c", "Chi bộ thôn Cầu", committeePath + "cb-c/", 1);
        unit(elsewhere, province, "CELL", "cb-d", "Chi bộ Sở Tư pháp", provincePath + "cb-d/", 1);
        events.send(
                "members.org-unit.v1",
                "members.org-unit.dissolved",
                dissolved.toString(),
                committeePath + "cb-c/",
                """
                {"orgUnitId":"%s","code":"cb-c","name":"Chi bộ thôn Cầu","kind":"CELL","parentId":"%s",
                 "orgPath":"%s","dissolvedOn":"%s","version":2}""".formatted(dissolved, committee, committeePath + "cb-c/", TODAY));
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            members.add(id);
            events.send(
                    "members.member.v1",
                    "members.member.registered",
                    id.toString(),
                    committeePath + "cb-a/",
                    """
                    {"memberId":"%s","fullName":"Đảng viên %d","gender":"MALE","dateOfBirth":"1980-01-02",
                     "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                     "joinedOn":"2005-02-03","email":null,"version":1}""".formatted(id, i, held, committeePath + "cb-a/"));
        }
        String secretary = TestTokens.user("bt")
                .grant(committeePath + "cb-a/", "secretary")
                .token();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/cells/" + held + "/roster", secretary)
                            .body()
                            .path("members"))
                    .hasSize(4);
            assertThat(list("", superior).body().path("content")).hasSize(2);
        });
    }

    @AfterEach
    void close() {
        events.close();
    }

    private void unit(UUID id, UUID parent, String kind, String code, String name, String path, int version) {
        events.send("members.org-unit.v1", "members.org-unit.created", id.toString(), path, """
                {"orgUnitId":"%s","code":"%s","name":"%s","kind":"%s","parentId":%s,"orgPath":"%s","version":%d}""".formatted(
                        id, code, name, kind, parent == null ? "null" : "\"" + parent + "\"", path, version));
    }

    private Answer list(String query, String token) {
        return http.get("/api/v1/compliance?unitId=" + committee + "&period=" + MONTH + query, token);
    }

    private String closeMeetingInHeldCell() {
        String secretary = TestTokens.user("bt")
                .grant(committeePath + "cb-a/", "secretary")
                .token();
        java.time.Instant startsAt =
                MONTH.atDay(5).atTime(8, 0).atZone(VietnamTime.ZONE).toInstant();
        // Scheduled ahead of its start and held then: a meeting is never scheduled in the past.
        CLOCK.set(startsAt.minus(java.time.Duration.ofMinutes(10)));
        try {
            return holdAndClose(secretary, startsAt);
        } finally {
            CLOCK.set(SERVICE_NOW);
        }
    }

    private String holdAndClose(String secretary, java.time.Instant startsAt) {
        Answer scheduled = http.post(
                "/api/v1/meetings",
                secretary,
                Map.of(
                        "cellId",
                        held,
                        "kind",
                        "REGULAR",
                        "title",
                        "Sinh hoạt chi bộ thường kỳ tháng " + MONTH.getMonthValue(),
                        "startsAt",
                        startsAt.toString(),
                        "place",
                        "Nhà văn hóa thôn An",
                        "agenda",
                        List.of("Đánh giá kết quả tháng trước")));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String id = scheduled.text("id");
        Answer started = http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(members.get(0), "PRESENT", true));
        lines.add(line(members.get(1), "LATE", true));
        lines.add(line(members.get(2), "PRESENT", false));
        lines.add(line(members.get(3), "ABSENT", false));
        Answer taken = http.put("/api/v1/meetings/" + id + "/attendance", secretary, Map.of("entries", lines));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        // At the conclusion every present member is assigned a task (closing waits for it, rule 3.17).
        for (UUID present : members.subList(0, 3)) {
            Answer task = http.post(
                    "/api/v1/meetings/" + id + "/tasks",
                    secretary,
                    Map.of(
                            "ownerId",
                            present,
                            "title",
                            "Vận động đóng góp quỹ",
                            "dueOn",
                            MONTH.atEndOfMonth().toString()));
            assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        }
        Answer closed = http.post("/api/v1/meetings/" + id + "/close", secretary, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> line(UUID member, String status, boolean spoke) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("memberId", member);
        line.put("status", status);
        line.put("spoke", spoke);
        return line;
    }

    private static JsonNode lineOf(Answer page, UUID cell) {
        return page.body()
                .path("content")
                .valueStream()
                .filter(c -> c.path("cellId").asString().equals(cell.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void closedMeetingsReachTheSuperiorsListOnceAndTheWatchPublishesEachOverdueCellOnce() {
        String meetingId = closeMeetingInHeldCell();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(lineOf(list("", superior), held)
                                .path("closedMeetings")
                                .asInt())
                        .isEqualTo(1));

        // A redelivery of the closed meeting (same event, same id) counts nothing twice.
        ConsumerRecord<String, byte[]> closedEvent = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream()
                                .anyMatch(x ->
                                        "meetings.meeting.closed".equals(EventContractValidator.header(x, "ce_type"))))
                .stream()
                .filter(r -> "meetings.meeting.closed".equals(EventContractValidator.header(r, "ce_type")))
                .findFirst()
                .orElseThrow();
        events.sendWithId(
                EventContractValidator.header(closedEvent, "ce_id"),
                "meetings.meeting.v1",
                "meetings.meeting.closed",
                meetingId,
                committeePath + "cb-a/",
                new String(closedEvent.value(), java.nio.charset.StandardCharsets.UTF_8));
        // A marker behind it on the same partition (same key) tells when the redelivery was consumed.
        events.send(
                "meetings.meeting.v1", "meetings.meeting.scheduled", meetingId, committeePath + "cb-a/", """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"REGULAR","title":"Đánh dấu",
                 "startsAt":"2026-01-01T00:00:00Z","place":"Thôn An","agenda":["Một"],"version":1}""".formatted(
                                meetingId, held, committeePath + "cb-a/"));

        Answer page = list("&sort=attendanceRate,desc", superior);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        // The dissolved cell and the cell outside the committee are not listed.
        assertThat(page.body().path("content").findValuesAsString("cellId"))
                .containsExactly(held.toString(), missed.toString());
        JsonNode a = lineOf(page, held);
        assertThat(a.path("compliance").asString()).isEqualTo("MET");
        assertThat(a.path("closedMeetings").asInt()).isEqualTo(1);
        assertThat(a.path("regularMeetings").asInt()).isEqualTo(1);
        assertThat(a.path("attendanceRate").asDouble()).isEqualTo(0.75);
        assertThat(a.path("averageSpeakers").asDouble()).isEqualTo(2.0);
        assertThat(a.path("grade").isNull()).isTrue();
        JsonNode b = lineOf(page, missed);
        assertThat(b.path("compliance").asString()).isEqualTo("OVERDUE");
        assertThat(b.path("closedMeetings").asInt()).isZero();
        assertThat(b.path("attendanceRate").isNull()).isTrue();

        // Worst first, then paged.
        Answer worst = list("&sort=compliance,asc&size=1", superior);
        assertThat(worst.body().path("content").findValuesAsString("cellId")).containsExactly(missed.toString());
        assertThat(worst.body().path("page").path("totalElements").asInt()).isEqualTo(2);
        Answer second = list("&sort=compliance,asc&size=1&page=1", superior);
        assertThat(second.body().path("content").findValuesAsString("cellId")).containsExactly(held.toString());

        // The quarter holds the same meeting.
        String quarter = MONTH.getYear() + "-Q" + ((MONTH.getMonthValue() - 1) / 3 + 1);
        Answer q = http.get("/api/v1/compliance?unitId=" + committee + "&period=" + quarter, superior);
        assertThat(q.status()).isEqualTo(200);
        assertThat(lineOf(q, held).path("closedMeetings").asInt()).isEqualTo(1);
        assertThat(lineOf(q, held).path("required").get(0).asString()).isEqualTo("THEMATIC");

        // The watch: the regular meeting of MONTH is missing in the missed cell and in the cell elsewhere
        // (the context is shared with the other test, whose cells are overdue too: only ours are counted).
        List<String> ours = List.of(held.toString(), missed.toString(), dissolved.toString(), elsewhere.toString());
        Answer run = http.post("/api/v1/compliance/watch-runs", TestTokens.admin(), Map.of());
        assertThat(run.status()).as(run.body().toString()).isEqualTo(200);
        assertThat(run.body().path("ran").asBoolean()).isTrue();
        assertThat(run.body().path("periods").get(0).asString()).isEqualTo("REGULAR " + MONTH);
        Answer again = http.post("/api/v1/compliance/watch-runs", TestTokens.admin(), Map.of());
        assertThat(again.body().path("overdue").asInt())
                .isEqualTo(run.body().path("overdue").asInt());
        assertThat(again.body().path("published").asInt()).isZero();

        List<ConsumerRecord<String, byte[]>> all =
                TopicProbe.read(brokers, "meetings.cell.v1", Duration.ofSeconds(8), r -> false);
        assertThat(all).hasSize(run.body().path("published").asInt());
        List<ConsumerRecord<String, byte[]>> overdue =
                all.stream().filter(r -> ours.contains(r.key())).toList();
        assertThat(overdue)
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(missed.toString(), elsewhere.toString());
        overdue.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode data = JSON.readTree(overdue.stream()
                .filter(r -> r.key().equals(missed.toString()))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(data.path("meetingKind").asString()).isEqualTo("REGULAR");
        assertThat(data.path("period").asString()).isEqualTo(MONTH.toString());
        assertThat(data.path("parentId").asString()).isEqualTo(committee.toString());
        assertThat(data.path("periodEnd").asString())
                .isEqualTo(MONTH.atEndOfMonth().toString());
        assertThat(data.path("detectedOn").asString()).isEqualTo(SERVICE_DAY.toString());

        // Still counted once after the redelivery and the marker were consumed.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lineOf(list("", superior), held)
                                .path("attendanceRate")
                                .asDouble())
                        .isEqualTo(0.75));
        assertThat(lineOf(list("", superior), held).path("closedMeetings").asInt())
                .isEqualTo(1);
    }

    @Test
    void anApprovedAmendmentAndTheSuperiorsGradeReachTheList() {
        String meetingId = closeMeetingInHeldCell();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(lineOf(list("", superior), held)
                                .path("attendanceRate")
                                .asDouble())
                        .isEqualTo(0.75));
        Answer graded = http.post(
                "/api/v1/meetings/" + meetingId + "/grade",
                superior,
                Map.of("grade", "FAIR", "comment", "Chuẩn bị chu đáo", "attended", true));
        assertThat(graded.status()).as(graded.body().toString()).isEqualTo(201);
        String cellPath = committeePath + "cb-a/";
        String secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        String deputy = TestTokens.user("pbt").grant(cellPath, "secretary").token();
        // The absentee was there after all, and spoke.
        Answer proposed = http.post(
                "/api/v1/meetings/" + meetingId + "/amendments",
                secretary,
                Map.of(
                        "corrections",
                        List.of(line(members.get(3), "PRESENT", true)),
                        "reason",
                        "Thư ký ghi nhầm điểm danh"));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        Answer approved = http.post(
                "/api/v1/meetings/" + meetingId + "/amendments/" + proposed.text("id") + "/decision",
                deputy,
                Map.of("approve", true));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode a = lineOf(list("", superior), held);
            assertThat(a.path("attendanceRate").asDouble()).isEqualTo(1.0);
            assertThat(a.path("averageSpeakers").asDouble()).isEqualTo(3.0);
            assertThat(a.path("grade").asString()).isEqualTo("FAIR");
        });
        String quarter = MONTH.getYear() + "-Q" + ((MONTH.getMonthValue() - 1) / 3 + 1);
        JsonNode q = lineOf(http.get("/api/v1/compliance?unitId=" + committee + "&period=" + quarter, superior), held);
        assertThat(q.path("attendanceRate").asDouble()).isEqualTo(1.0);
        assertThat(q.path("grade").asString()).isEqualTo("FAIR");
        // Graded cells first when sorted by grade (best first ascending); the ungraded one last either way.
        assertThat(list("&sort=grade,asc", superior).body().path("content").findValuesAsString("cellId"))
                .containsExactly(held.toString(), missed.toString());
        assertThat(list("&sort=grade,desc", superior).body().path("content").findValuesAsString("cellId"))
                .containsExactly(held.toString(), missed.toString());
    }

    @Test
    void scopeAndBadInputAnswerProblems() {
        // Outside the caller's subtree: 404, as for an unknown node.
        String outsider =
                TestTokens.user("khac").grant("/other" + tag + "/", "superior").token();
        assertThat(list("", outsider).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/compliance?unitId=" + UUID.randomUUID() + "&period=" + MONTH, superior)
                        .status())
                .isEqualTo(404);
        // Inside with too low a role: 403.
        String secretary =
                TestTokens.user("bt").grant(committeePath, "secretary").token();
        Answer low = list("", secretary);
        assertThat(low.status()).isEqualTo(403);
        assertThat(low.contentType()).contains("problem+json");

        Answer badPeriod = http.get("/api/v1/compliance?unitId=" + committee + "&period=2026-13", superior);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.contentType()).contains("problem+json");
        assertThat(badPeriod.body().toString()).contains("period");
        Answer badSort = list("&sort=secret,asc", superior);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/compliance?period=" + MONTH, superior).status())
                .isEqualTo(400);

        // The operator's run: an admin over the whole tree only.
        assertThat(http.post("/api/v1/compliance/watch-runs", superior, Map.of())
                        .status())
                .isEqualTo(404);
        String rootMember = TestTokens.user("dv").grant("/", "member").token();
        assertThat(http.post("/api/v1/compliance/watch-runs", rootMember, Map.of())
                        .status())
                .isEqualTo(403);
        Answer future =
                http.post("/api/v1/compliance/watch-runs?on=" + SERVICE_DAY.plusDays(1), TestTokens.admin(), Map.of());
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().toString()).contains("on");
    }
}
