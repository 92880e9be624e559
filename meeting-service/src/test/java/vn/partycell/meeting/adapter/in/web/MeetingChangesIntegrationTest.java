package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
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
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The life cycle beyond schedule-and-close over real HTTP, the embedded broker and the Mongo wire
 * protocol: drafts, changes and cancellations announced with their events, the explicit start (not
 * two days early), excuses asked for and decided, and scope (404) and role (403) on every new route.
 */
@ServiceIntegrationTest
class MeetingChangesIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    final UUID memberId = UUID.randomUUID();
    final UUID otherId = UUID.randomUUID();
    String secretary;
    String committee;
    String member;
    String outsider;

    @BeforeEach
    void cellWithTwoMembers() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        committee = TestTokens.user("cu").grant(cellPath, "committee").token();
        member =
                TestTokens.user("dv").member(memberId).grant(cellPath, "member").token();
        outsider = TestTokens.user("bt-b").grant("/hy/b/", "superior").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"cb-x","name":"Chi bộ thôn Đình Dù","kind":"CELL",
                 "parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath));
        for (UUID id : List.of(memberId, otherId)) {
            events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                    {"memberId":"%s","fullName":"Đảng viên %s","gender":"MALE","dateOfBirth":"1980-01-02",
                     "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                     "joinedOn":"2005-02-03","email":null,"version":1}""".formatted(
                            id, id.toString().substring(0, 4), cellId, cellPath));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members")
                                .size()
                        == 2);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private Map<String, Object> meeting(Instant startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ thường kỳ");
        body.put("startsAt", startsAt.toString());
        body.put("place", "Nhà văn hóa thôn");
        body.put("agenda", List.of("Đánh giá kết quả tháng trước"));
        return body;
    }

    private String schedule(Instant startsAt) {
        Answer answer = http.post("/api/v1/meetings", secretary, meeting(startsAt));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private String path(String meetingId, String action) {
        return "/api/v1/meetings/" + meetingId + action;
    }

    private List<ConsumerRecord<String, byte[]>> published(String meetingId, int atLeast) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> meetingId.equals(x.key())).count() >= atLeast)
                .stream()
                .filter(r -> meetingId.equals(r.key()))
                .toList();
        records.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        return records;
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(r -> EventContractValidator.header(r, "ce_type"))
                .toList();
    }

    private static void problemNaming(Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(answer.text("code")).isEqualTo(code);
            assertThat(answer.text("field")).isEqualTo(field);
        } else {
            assertThat(answer.body().path("errors").findValuesAsString("field")).contains(field);
        }
    }

    @Test
    void aMeetingTwoDaysAheadCannotBeStartedOrClosedNowAndAPastScheduleIsRefused() {
        String meetingId = schedule(Instant.now().plus(2, ChronoUnit.DAYS));
        problemNaming(http.post(path(meetingId, "/close"), secretary, Map.of()), 422, "meeting-not-started", "status");
        problemNaming(http.post(path(meetingId, "/start"), secretary, Map.of()), 422, "too-early-to-start", "startsAt");
        problemNaming(
                http.put(
                        path(meetingId, "/attendance"),
                        secretary,
                        Map.of("entries", List.of(Map.of("memberId", memberId, "status", "PRESENT")))),
                422,
                "meeting-not-started",
                "status");
        assertThat(http.get(path(meetingId, ""), secretary).text("status")).isEqualTo("SCHEDULED");
        problemNaming(
                http.post("/api/v1/meetings", secretary, meeting(Instant.now().minus(1, ChronoUnit.HOURS))),
                400,
                null,
                "startsAt");
        Map<String, Object> thematic = meeting(Instant.now().plus(3, ChronoUnit.DAYS));
        thematic.put("kind", "THEMATIC");
        problemNaming(http.post("/api/v1/meetings", secretary, thematic), 422, "topic-required", "topic");
        thematic.put("topic", "Đấu tranh phản bác thông tin xấu độc trên không gian mạng");
        Answer withTopic = http.post("/api/v1/meetings", secretary, thematic);
        assertThat(withTopic.status()).isEqualTo(201);
        assertThat(withTopic.text("topic")).isEqualTo("Đấu tranh phản bác thông tin xấu độc trên không gian mạng");
    }

    @Test
    void aChangeAndACancellationAreAnnouncedAndACancelledMeetingIsFinal() {
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String meetingId = schedule(startsAt);
        Instant later = startsAt.plus(1, ChronoUnit.DAYS);
        Answer stale = http.post(
                path(meetingId, "/reschedule"), secretary, Map.of("startsAt", later.toString(), "place", "Hội trường"));
        assertThat(stale.status()).as(stale.body().toString()).isEqualTo(200);
        assertThat(stale.text("startsAt")).isEqualTo(later.toString());
        assertThat(stale.body().path("version").asLong()).isEqualTo(2);
        problemNaming(
                http.post(
                        path(meetingId, "/reschedule"),
                        secretary,
                        Map.of(
                                "startsAt",
                                Instant.now().minus(1, ChronoUnit.DAYS).toString())),
                400,
                null,
                "startsAt");
        problemNaming(http.post(path(meetingId, "/cancel"), secretary, Map.of("reason", " ")), 400, null, "reason");

        Answer cancelled = http.post(path(meetingId, "/cancel"), secretary, Map.of("reason", "Bão số 3"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("Bão số 3");
        problemNaming(
                http.post(path(meetingId, "/reschedule"), secretary, Map.of("place", "Khác")),
                409,
                "meeting-cancelled",
                "status");
        problemNaming(http.post(path(meetingId, "/start"), secretary, Map.of()), 409, "meeting-cancelled", "status");

        List<ConsumerRecord<String, byte[]>> records = published(meetingId, 3);
        assertThat(types(records))
                .containsExactly(
                        "meetings.meeting.scheduled", "meetings.meeting.rescheduled", "meetings.meeting.cancelled");
        JsonNode moved = JSON.readTree(records.get(1).value());
        assertThat(moved.path("changed").valueStream().map(JsonNode::asString)).containsExactly("startsAt", "place");
        assertThat(moved.path("previous").path("startsAt").asString()).isEqualTo(startsAt.toString());
        assertThat(moved.path("version").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(records.get(2).value()).path("reason").asString())
                .isEqualTo("Bão số 3");
    }

    @Test
    void aDraftIsSilentUntilScheduled() {
        Map<String, Object> body = meeting(Instant.now().plus(5, ChronoUnit.DAYS));
        body.put("draft", true);
        Answer draft = http.post("/api/v1/meetings", secretary, body);
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        String meetingId = draft.text("id");
        Answer edited = http.post(path(meetingId, "/reschedule"), secretary, Map.of("agenda", List.of("Nội dung mới")));
        assertThat(edited.status()).isEqualTo(200);
        problemNaming(
                http.post(path(meetingId, "/start"), secretary, Map.of()), 422, "meeting-not-scheduled", "status");
        Answer scheduled = http.post(path(meetingId, "/schedule"), secretary, Map.of());
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
        List<ConsumerRecord<String, byte[]>> records = published(meetingId, 1);
        assertThat(types(records)).containsExactly("meetings.meeting.scheduled");
        assertThat(JSON.readTree(records.getFirst().value())
                        .path("agenda")
                        .get(0)
                        .asString())
                .isEqualTo("Nội dung mới");
        problemNaming(
                http.post(path(meetingId, "/schedule"), secretary, Map.of()),
                422,
                "meeting-already-scheduled",
                "status");
    }

    @Test
    void anAcceptedExcuseIsToldAndPrefillsExcusedAttendanceAtTheStart() {
        String meetingId = schedule(Instant.now().plus(10, ChronoUnit.MINUTES));
        problemNaming(
                http.put(path(meetingId, "/replies/me"), member, Map.of("answer", "EXCUSE")),
                422,
                "reason-required",
                "reason");
        Answer asked = http.put(
                path(meetingId, "/replies/me"), member, Map.of("answer", "EXCUSE", "reason", "Đi công tác tỉnh ngoài"));
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        assertThat(asked.text("answer")).isEqualTo("EXCUSE_REQUESTED");
        // The committee sees it; only the secretary decides.
        assertThat(http.get(path(meetingId, "/replies"), committee).body().findValuesAsString("memberId"))
                .containsExactly(memberId.toString());
        assertThat(http.post(path(meetingId, "/replies/" + memberId + "/decision"), committee, Map.of("accepted", true))
                        .status())
                .isEqualTo(403);
        Answer accepted =
                http.post(path(meetingId, "/replies/" + memberId + "/decision"), secretary, Map.of("accepted", true));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(accepted.text("answer")).isEqualTo("EXCUSE_ACCEPTED");
        problemNaming(
                http.post(path(meetingId, "/replies/" + memberId + "/decision"), secretary, Map.of("accepted", false)),
                422,
                "no-excuse-pending",
                "accepted");

        Answer started = http.post(path(meetingId, "/start"), secretary, Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        JsonNode line = started.body().path("attendance").get(0);
        assertThat(line.path("memberId").asString()).isEqualTo(memberId.toString());
        assertThat(line.path("status").asString()).isEqualTo("EXCUSED");
        assertThat(line.path("reason").asString()).isEqualTo("Đi công tác tỉnh ngoài");
        problemNaming(
                http.put(path(meetingId, "/replies/me"), member, Map.of("answer", "ATTENDING")),
                422,
                "meeting-in-progress",
                "status");

        List<ConsumerRecord<String, byte[]>> records = published(meetingId, 2);
        assertThat(types(records)).containsExactly("meetings.meeting.scheduled", "meetings.meeting.excuse-decided");
        JsonNode decided = JSON.readTree(records.get(1).value());
        assertThat(decided.path("memberId").asString()).isEqualTo(memberId.toString());
        assertThat(decided.path("accepted").asBoolean()).isTrue();
    }

    @Test
    void everyNewRouteIs404OutsideTheSubtreeAnd403ForTooLowARole() {
        String meetingId = schedule(Instant.now().plus(2, ChronoUnit.DAYS));
        String outsiderMember = TestTokens.user("dv-b")
                .member(UUID.randomUUID())
                .grant("/hy/b/", "superior")
                .token();
        Map<String, Object> reschedule = Map.of("place", "Khác");
        Map<String, Object> cancel = Map.of("reason", "Lý do");
        Map<String, Object> decision = Map.of("accepted", true);
        Map<String, Object> reply = Map.of("answer", "ATTENDING");
        String decide = path(meetingId, "/replies/" + memberId + "/decision");
        List<Answer> outside = List.of(
                http.post(path(meetingId, "/schedule"), outsider, Map.of()),
                http.post(path(meetingId, "/reschedule"), outsider, reschedule),
                http.post(path(meetingId, "/cancel"), outsider, cancel),
                http.post(path(meetingId, "/start"), outsider, Map.of()),
                http.put(path(meetingId, "/replies/me"), outsiderMember, reply),
                http.post(decide, outsider, decision),
                http.get(path(meetingId, "/replies"), outsider));
        for (int i = 0; i < outside.size(); i++) {
            assertThat(outside.get(i).status()).as("route %d out of scope", i).isEqualTo(404);
            assertThat(outside.get(i).contentType()).startsWith("application/problem+json");
        }
        for (Answer weak : List.of(
                http.post(path(meetingId, "/schedule"), member, Map.of()),
                http.post(path(meetingId, "/reschedule"), member, reschedule),
                http.post(path(meetingId, "/cancel"), member, cancel),
                http.post(path(meetingId, "/start"), member, Map.of()),
                http.post(decide, member, decision),
                http.get(path(meetingId, "/replies"), member))) {
            assertThat(weak.status()).isEqualTo(403);
            assertThat(weak.text("code")).isEqualTo("forbidden");
        }
        // Nothing moved.
        Answer unchanged = http.get(path(meetingId, ""), secretary);
        assertThat(unchanged.text("status")).isEqualTo("SCHEDULED");
        assertThat(unchanged.body().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void closedMinutesAreCorrectedOnlyByAnAmendmentASecondPersonApproves() {
        String meetingId = schedule(Instant.now().plus(10, ChronoUnit.MINUTES));
        problemNaming(
                http.post(
                        path(meetingId, "/amendments"),
                        secretary,
                        Map.of(
                                "corrections",
                                List.of(Map.of("memberId", otherId, "status", "PRESENT")),
                                "reason",
                                "x")),
                422,
                "meeting-not-closed",
                "status");
        assertThat(http.post(path(meetingId, "/start"), secretary, Map.of()).status())
                .isEqualTo(200);
        Answer taken = http.put(
                path(meetingId, "/attendance"),
                secretary,
                Map.of(
                        "entries",
                        List.of(
                                Map.of("memberId", memberId, "status", "PRESENT", "spoke", true),
                                Map.of("memberId", otherId, "status", "PRESENT"))));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        // At the conclusion every present member is assigned a task (closing waits for it, rule 3.17).
        for (UUID present : List.of(memberId, otherId)) {
            assertThat(http.post(
                                    path(meetingId, "/tasks"),
                                    secretary,
                                    Map.of(
                                            "ownerId",
                                            present,
                                            "title",
                                            "Tuyên truyền nghị quyết",
                                            "dueOn",
                                            java.time.LocalDate.now(vn.partycell.platform.kernel.VietnamTime.ZONE)
                                                    .plusDays(30)
                                                    .toString()))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(http.post(path(meetingId, "/close"), secretary, Map.of()).status())
                .isEqualTo(200);

        Map<String, Object> correction = Map.of(
                "corrections",
                List.of(Map.of("memberId", otherId, "status", "EXCUSED", "reason", "Về sớm vì ốm, đã xin phép")),
                "reason",
                "Thư ký ghi nhầm");
        assertThat(http.post(path(meetingId, "/amendments"), outsider, correction)
                        .status())
                .isEqualTo(404);
        assertThat(http.post(path(meetingId, "/amendments"), member, correction).status())
                .isEqualTo(403);
        Answer proposed = http.post(path(meetingId, "/amendments"), secretary, correction);
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        String decide = path(meetingId, "/amendments/" + proposed.text("id") + "/decision");
        assertThat(http.post(decide, committee, Map.of("approve", true)).status())
                .isEqualTo(403);
        assertThat(http.post(decide, outsider, Map.of("approve", true)).status())
                .isEqualTo(404);
        problemNaming(
                http.post(decide, secretary, Map.of("approve", true)), 422, "second-person-required", "approvedBy");
        String deputy = TestTokens.user("pbt").grant(cellPath, "secretary").token();
        Answer approved = http.post(decide, deputy, Map.of("approve", true));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(http.get(path(meetingId, "/amendments"), member)
                        .body()
                        .valueStream()
                        .map(a -> a.path("status").asString()))
                .containsExactly("APPROVED");
        assertThat(http.get(path(meetingId, "/amendments"), outsider).status()).isEqualTo(404);
        // The minutes themselves are unchanged.
        JsonNode minutes = http.get(path(meetingId, ""), secretary).body();
        assertThat(minutes.path("attendance").findValuesAsString("status")).containsOnly("PRESENT");

        List<ConsumerRecord<String, byte[]>> records = published(meetingId, 3);
        assertThat(types(records))
                .containsExactly("meetings.meeting.scheduled", "meetings.meeting.closed", "meetings.meeting.amended");
        JsonNode amended = JSON.readTree(records.get(2).value());
        JsonNode line = amended.path("corrections").get(0);
        assertThat(line.path("memberId").asString()).isEqualTo(otherId.toString());
        assertThat(line.path("before").path("status").asString()).isEqualTo("PRESENT");
        assertThat(line.path("after").path("status").asString()).isEqualTo("EXCUSED");
        assertThat(amended.path("amendmentId").asString()).isEqualTo(proposed.text("id"));
    }
}
