package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
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
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/** A meeting from schedule to close over real HTTP, a real broker and the Mongo wire protocol. */
abstract class MeetingLifecycleScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    final List<UUID> full = new ArrayList<>();
    UUID probationary;
    UUID exempted;
    String secretary;

    @BeforeEach
    void cellWithRoster() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"cb-x","name":"Chi bộ thôn Đình Dù","kind":"CELL",
                 "parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath));
        for (int i = 0; i < 4; i++) {
            full.add(register("FULL", false));
        }
        probationary = register("PROBATIONARY", false);
        exempted = register("FULL", true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer roster = http.get("/api/v1/cells/" + cellId + "/roster", secretary);
            assertThat(roster.status()).isEqualTo(200);
            assertThat(roster.body().path("members")).hasSize(6);
        });
    }

    @AfterEach
    void close() {
        events.close();
    }

    private UUID register(String status, boolean isExempted) {
        UUID id = UUID.randomUUID();
        events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                {"memberId":"%s","fullName":"Đảng viên %s","gender":"FEMALE","dateOfBirth":"1979-09-02",
                 "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"%s","exempted":%s,
                 "joinedOn":"2005-02-03","email":null,"version":1}""".formatted(
                        id, id.toString().substring(0, 4), cellId, cellPath, status, isExempted));
        return id;
    }

    private Answer schedule() {
        return http.post(
                "/api/v1/meetings",
                secretary,
                Map.of(
                        "cellId",
                        cellId,
                        "kind",
                        "REGULAR",
                        "title",
                        "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                        "startsAt",
                        startsAt.toString(),
                        "place",
                        "Nhà văn hóa thôn",
                        "agenda",
                        List.of("Đánh giá kết quả tháng 2", "Phân công nhiệm vụ tháng 3")));
    }

    /** Soon after now, within the start tolerance (30 minutes): the meeting may be opened at once. */
    final Instant startsAt = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);

    Answer start(String meetingId) {
        return http.post("/api/v1/meetings/" + meetingId + "/start", secretary, Map.of());
    }

    private static Map<String, Object> line(UUID member, String status, boolean spoke) {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("memberId", member);
        line.put("status", status);
        line.put("spoke", spoke);
        if (status.equals("EXCUSED")) {
            line.put("reason", "Đi công tác, đã báo trước");
        }
        return line;
    }

    private List<ConsumerRecord<String, byte[]>> meetingEvents(String meetingId, int atLeast) {
        return TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> meetingId.equals(x.key())).count() >= atLeast)
                .stream()
                .filter(r -> meetingId.equals(r.key()))
                .toList();
    }

    @Test
    void scheduleTakeAttendanceCloseAndPublishEveryFact() {
        Answer scheduled = schedule();
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String meetingId = scheduled.text("id");
        Answer started = start(meetingId);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        assertThat(started.text("status")).isEqualTo("IN_PROGRESS");

        // Two of four eligible present: quorum (more than half) is not met.
        Answer first = http.post("/api/v1/meetings/" + meetingId + "/attendance", secretary, "x");
        Answer taken = put(
                meetingId,
                List.of(
                        line(full.get(0), "PRESENT", true),
                        line(full.get(1), "LATE", true),
                        line(full.get(2), "EXCUSED", false),
                        line(full.get(3), "ABSENT", false),
                        line(probationary, "PRESENT", true)));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        Answer refused = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("quorum-not-met");
        assertThat(refused.body().path("eligible").asInt()).isEqualTo(4);
        assertThat(refused.body().path("present").asInt()).isEqualTo(2);
        assertThat(refused.body().path("required").asInt()).isEqualTo(3);

        // The excused member turns up after all.
        assertThat(put(meetingId, List.of(line(full.get(2), "PRESENT", false))).status())
                .isEqualTo(200);
        // At the conclusion every present member is assigned a task (closing waits for it, rule 3.17).
        for (UUID present : List.of(full.get(0), full.get(1), full.get(2), probationary)) {
            assertThat(http.post(
                                    "/api/v1/meetings/" + meetingId + "/tasks",
                                    secretary,
                                    Map.of(
                                            "ownerId",
                                            present,
                                            "title",
                                            "Tuyên truyền nghị quyết tới các hộ",
                                            "dueOn",
                                            startsAt.atZone(VietnamTime.ZONE)
                                                    .toLocalDate()
                                                    .plusDays(30)
                                                    .toString()))
                            .status())
                    .isEqualTo(201);
        }
        Answer closed = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        List<ConsumerRecord<String, byte[]>> published = meetingEvents(meetingId, 2);
        assertThat(published)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsExactly("meetings.meeting.scheduled", "meetings.meeting.closed");
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode data = JSON.readTree(published.get(1).value());
        assertThat(data.path("year").asInt())
                .isEqualTo(startsAt.atZone(VietnamTime.ZONE).getYear());
        assertThat(data.path("month").asInt())
                .isEqualTo(startsAt.atZone(VietnamTime.ZONE).getMonthValue());
        assertThat(data.path("orgPath").asString()).isEqualTo(cellPath);
        assertThat(data.path("quorum").path("present").asInt()).isEqualTo(3);
        assertThat(data.path("attendance")).hasSize(5);
        JsonNode absent = data.path("attendance")
                .valueStream()
                .filter(a -> a.path("memberId").asString().equals(full.get(3).toString()))
                .findFirst()
                .orElseThrow();
        assertThat(absent.path("status").asString()).isEqualTo("ABSENT");
        assertThat(data.path("attendance")
                        .valueStream()
                        .filter(a -> a.path("spoke").asBoolean()))
                .hasSize(3);

        // Final: nothing changes after closing.
        Answer late = put(meetingId, List.of(line(full.get(3), "EXCUSED", false)));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("meeting-closed");
        assertThat(http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(first.status()).isEqualTo(405);
    }

    private Answer put(String meetingId, List<Map<String, Object>> lines) {
        return http.put("/api/v1/meetings/" + meetingId + "/attendance", secretary, Map.of("entries", lines));
    }

    @Test
    void badInputIsRefusedFieldByField() {
        Answer answer = http.post("/api/v1/meetings", secretary, Map.of("kind", "MONTHLY", "cellId", cellId));
        assertThat(answer.status()).isEqualTo(400);
        Answer missing = http.post("/api/v1/meetings", secretary, Map.of("cellId", cellId, "agenda", List.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field"))
                .contains("kind", "title", "startsAt", "place", "agenda");
        String meetingId = schedule().text("id");
        assertThat(start(meetingId).status()).isEqualTo(200);
        Answer unknownMember = put(meetingId, List.of(line(UUID.randomUUID(), "PRESENT", false)));
        assertThat(unknownMember.status()).isEqualTo(422);
        Answer incomplete = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.text("code")).isEqualTo("attendance-incomplete");
    }

    @Test
    void anotherCommitteeCannotSeeOrRunTheMeeting() {
        String meetingId = schedule().text("id");
        String outsider = TestTokens.user("bt-b").grant("/hy/b/", "superior").token();
        assertThat(http.get("/api/v1/meetings/" + meetingId, outsider).status()).isEqualTo(404);
        assertThat(put(meetingId, List.of()).status()).isEqualTo(400);
        assertThat(http.put(
                                "/api/v1/meetings/" + meetingId + "/attendance",
                                outsider,
                                Map.of("entries", List.of(line(full.get(0), "PRESENT", false))))
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/meetings/" + meetingId + "/close", outsider, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/meetings?size=50", outsider).body().path("content"))
                .isEmpty();
        String plainMember = TestTokens.user("dv").grant(cellPath, "member").token();
        assertThat(http.get("/api/v1/meetings/" + meetingId, plainMember).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/meetings/" + meetingId + "/close", plainMember, Map.of())
                        .status())
                .isEqualTo(403);
        String superiorA = TestTokens.user("du").grant("/hy/a/", "superior").token();
        assertThat(http.get("/api/v1/meetings?cellId=" + cellId, superiorA)
                        .body()
                        .path("content")
                        .findValuesAsString("id"))
                .contains(meetingId);
    }
}
