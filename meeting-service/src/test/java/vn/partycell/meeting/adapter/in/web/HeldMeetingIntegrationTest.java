package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * A meeting entered after it was held (from its paper minutes) over real HTTP, a real broker and the
 * Mongo wire protocol: only an admin over the cell may enter it (403 for the cell's own secretary,
 * 404 outside the subtree), only with a start that is over and within the window; it is in progress
 * at once, started at its start, tells nobody, and its one event, MeetingClosed revision 3, counts it
 * in the month it was held and says who entered it.
 */
@ServiceIntegrationTest
class HeldMeetingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    CellOnRoster cell;
    UUID cellId;
    List<UUID> members;
    String admin;
    String secretary;
    String otherAdmin;

    @BeforeEach
    void cellWithTwoMembers() {
        events = new TestEvents(brokers);
        http = new Http(port);
        admin = TestTokens.user("tinh-uy").grant("/hy/", "admin").token();
        cell = CellOnRoster.of(
                events, http, admin, "Chi bộ thôn Đình Dù", List.of("Nguyễn Văn An", "Trần Thị Hồng Nhung"));
        cellId = cell.id;
        members = cell.members;
        secretary = TestTokens.user("bt").grant(cell.path, "secretary").token();
        otherAdmin = TestTokens.user("admin-b").grant("/hy/b/", "admin").token();
    }

    @AfterEach
    void close() {
        events.close();
    }

    private Map<String, Object> held(Instant startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ thường kỳ (nhập từ biên bản giấy)");
        body.put("startsAt", startsAt.toString());
        body.put("place", "Nhà văn hóa thôn");
        body.put("agenda", List.of("Đánh giá kết quả tháng trước", "Phân công nhiệm vụ"));
        return body;
    }

    @Test
    void anAdminEntersAHeldMeetingThatClosesLikeAnyOtherAndSaysItWasEnteredAfterwards() {
        Instant startsAt = Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Answer recorded = http.post("/api/v1/meetings/held", admin, held(startsAt));

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(recorded.text("startedAt"))).isEqualTo(startsAt);
        assertThat(recorded.body().path("recordedAfterwards").path("by").asString())
                .isEqualTo("tinh-uy");
        String id = recorded.text("id");
        assertThat(http.get("/api/v1/meetings/" + id, secretary)
                        .body()
                        .path("recordedAfterwards")
                        .path("at")
                        .isString())
                .as("the cell sees that the meeting was entered afterwards")
                .isTrue();

        Answer attendance = http.put(
                "/api/v1/meetings/" + id + "/attendance",
                admin,
                Map.of(
                        "entries",
                        List.of(
                                Map.of("memberId", members.get(0), "status", "PRESENT", "spoke", true),
                                Map.of("memberId", members.get(1), "status", "PRESENT", "spoke", true))));
        assertThat(attendance.status()).as(attendance.body().toString()).isEqualTo(200);
        LocalDate heldOn = VietnamTime.date(startsAt);
        List<String> tasks = new java.util.ArrayList<>();
        for (UUID present : members) {
            Answer task = http.post(
                    "/api/v1/meetings/" + id + "/tasks",
                    admin,
                    Map.of(
                            "ownerId",
                            present,
                            "title",
                            "Vận động 5 hộ tham gia làm đường giao thông",
                            "dueOn",
                            heldOn.plusDays(20).toString()));
            assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
            tasks.add(task.text("id"));
        }
        Answer closed = http.post("/api/v1/meetings/" + id + "/close", admin, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

        // The paper minutes of the next meeting say when each task was done: recorded with the outcome.
        Answer onTime = http.post(
                "/api/v1/tasks/" + tasks.get(0) + "/outcome",
                admin,
                Map.of(
                        "beyondAsked",
                        true,
                        "note",
                        "Theo biên bản tháng sau",
                        "doneOn",
                        heldOn.plusDays(15).toString()));
        assertThat(onTime.status()).as(onTime.body().toString()).isEqualTo(200);
        assertThat(onTime.text("outcome")).isEqualTo("ON_TIME");
        Answer beforeTheMeeting = http.post(
                "/api/v1/tasks/" + tasks.get(1) + "/outcome",
                admin,
                Map.of("beyondAsked", false, "doneOn", heldOn.minusDays(1).toString()));
        assertThat(beforeTheMeeting.status()).isEqualTo(422);
        assertThat(beforeTheMeeting.body().toString()).contains("doneOn");

        List<ConsumerRecord<String, byte[]>> ofMeeting = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().anyMatch(x -> id.equals(x.key()) && type(x).equals("meetings.meeting.closed")))
                .stream()
                .filter(x -> id.equals(x.key()))
                .toList();
        assertThat(ofMeeting)
                .as("nobody is told of a meeting that is over: no scheduled event, only the close")
                .extracting(HeldMeetingIntegrationTest::type)
                .containsExactly("meetings.meeting.closed");
        ConsumerRecord<String, byte[]> event = ofMeeting.getFirst();
        assertThat(EventContractValidator.violations(event)).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("revision").asInt()).isEqualTo(3);
        assertThat(data.path("month").asInt()).isEqualTo(heldOn.getMonthValue());
        assertThat(data.path("year").asInt()).isEqualTo(heldOn.getYear());
        assertThat(data.path("recordedAfterwards").path("by").asString()).isEqualTo("tinh-uy");
        assertThat(Instant.parse(data.path("recordedAfterwards").path("at").asString()))
                .isAfter(startsAt);
    }

    @Test
    void onlyAnAdminOverTheCellEntersAHeldMeeting() {
        Map<String, Object> body = held(Instant.now().minus(10, ChronoUnit.DAYS));

        assertThat(http.post("/api/v1/meetings/held", secretary, body).status())
                .as("the cell's own secretary may not date a meeting in the past")
                .isEqualTo(403);
        Answer outside = http.post("/api/v1/meetings/held", otherAdmin, body);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aHeldMeetingStartedInTheFutureOrBeforeTheWindowOrWithoutATopicIsRefusedNamingTheField() {
        Answer future =
                http.post("/api/v1/meetings/held", admin, held(Instant.now().plus(2, ChronoUnit.HOURS)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().toString()).contains("startsAt");

        Answer tooOld =
                http.post("/api/v1/meetings/held", admin, held(Instant.now().minus(400, ChronoUnit.DAYS)));
        assertThat(tooOld.status()).isEqualTo(400);
        assertThat(tooOld.body().toString()).contains("startsAt");

        Map<String, Object> thematic = held(Instant.now().minus(3, ChronoUnit.DAYS));
        thematic.put("kind", "THEMATIC");
        Answer noTopic = http.post("/api/v1/meetings/held", admin, thematic);
        assertThat(noTopic.status()).isEqualTo(422);
        assertThat(noTopic.body().toString()).contains("topic");

        Map<String, Object> missing = held(Instant.now().minus(3, ChronoUnit.DAYS));
        missing.remove("place");
        Answer noPlace = http.post("/api/v1/meetings/held", admin, missing);
        assertThat(noPlace.status()).isEqualTo(400);
        assertThat(noPlace.body().toString()).contains("place");

        assertThat(http.get("/api/v1/meetings?cellId=" + cellId, admin).body().path("content"))
                .as("nothing was written")
                .isEmpty();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return String.valueOf(EventContractValidator.header(record, "ce_type"));
    }
}
