package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.application.TaskOverdueWatch;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.ApiFuzz;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.MutableClock;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * Tasks at a meeting's conclusion over real HTTP, a real broker and the Mongo wire protocol: every
 * present member gets a task or the secretary's reason before the meeting closes (422 listing who
 * is missing otherwise), owners report, the secretary confirms and corrects, the overdue watch (run
 * by hand on a clock the test moves) publishes once per task, the next meeting and the cell list
 * what is due and overdue, every event matches its schema, scope and bad input on every endpoint.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "partycell.tasks.overdue-watch.enabled=false")
class MeetingTasksIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The meeting's start: the day after tomorrow at 08:00 in Vietnam (never in the past for the API). */
    static final Instant STARTS_AT = LocalDate.now(VietnamTime.ZONE)
            .plusDays(2)
            .atTime(8, 0)
            .atZone(VietnamTime.ZONE)
            .toInstant();

    static final LocalDate MEETING_DAY = VietnamTime.date(STARTS_AT);
    static final LocalDate DUE = MEETING_DAY.plusDays(3);

    /** Moved to each moment the test acts at: before the meeting, during it, after the due date. */
    static final MutableClock CLOCK = new MutableClock(STARTS_AT.minus(10, ChronoUnit.MINUTES));

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

    @Autowired
    TaskOverdueWatch watch;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/t/cb-" + cellId.toString().substring(0, 6) + "/";
    final List<UUID> members = new ArrayList<>();
    final Map<UUID, String> memberTokens = new HashMap<>();
    String secretary;
    String committee;
    String outsider;

    @BeforeEach
    void cellWithFourMembers() {
        CLOCK.set(STARTS_AT.minus(10, ChronoUnit.MINUTES));
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        committee = TestTokens.user("cu").grant(cellPath, "committee").token();
        outsider = TestTokens.user("bt-khac").grant("/hy/khac/", "superior").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"cb-t","name":"Chi bộ thôn Tân","kind":"CELL",
                 "parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath));
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            members.add(id);
            memberTokens.put(
                    id,
                    TestTokens.user("dv" + i)
                            .member(id)
                            .grant(cellPath, "member")
                            .token());
            events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                    {"memberId":"%s","fullName":"Đảng viên Số %d","gender":"FEMALE","dateOfBirth":"1981-04-30",
                     "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                     "joinedOn":"2007-05-19","email":null,"version":1}""".formatted(
                            id, i, cellId, cellPath));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members")
                                .size()
                        == 4);
    }

    @AfterEach
    void close() {
        events.close();
    }

    /** Schedules, starts and takes attendance: members 0 and 2 present, 1 late, 3 absent. */
    private String meetingInProgress() {
        CLOCK.set(STARTS_AT.minus(10, ChronoUnit.MINUTES));
        Answer scheduled = http.post(
                "/api/v1/meetings",
                secretary,
                Map.of(
                        "cellId",
                        cellId,
                        "kind",
                        "REGULAR",
                        "title",
                        "Sinh hoạt chi bộ thường kỳ",
                        "startsAt",
                        STARTS_AT.toString(),
                        "place",
                        "Nhà văn hóa thôn Tân",
                        "agenda",
                        List.of("Kết luận, giao nhiệm vụ")));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String id = scheduled.text("id");
        assertThat(http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        Answer taken = http.put(
                "/api/v1/meetings/" + id + "/attendance",
                secretary,
                Map.of(
                        "entries",
                        List.of(
                                line(members.get(0), "PRESENT"),
                                line(members.get(1), "LATE"),
                                line(members.get(2), "PRESENT"),
                                line(members.get(3), "ABSENT"))));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> line(UUID member, String status) {
        return Map.of("memberId", member, "status", status);
    }

    private Map<String, Object> task(Object owner, Object dueOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerId", owner);
        body.put("title", "Vận động 5 hộ gia đình tham gia làm đường");
        body.put("description", "Báo cáo kết quả tại buổi sinh hoạt tháng sau");
        body.put("dueOn", dueOn);
        return body;
    }

    private Answer assign(String meetingId, UUID owner) {
        return http.post("/api/v1/meetings/" + meetingId + "/tasks", secretary, task(owner, DUE.toString()));
    }

    private static void problem(Answer answer, int status, String code, String field) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(answer.text("code")).isEqualTo(code);
        }
        if (field == null) {
            return;
        }
        if (status == 400) {
            assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly(field);
        } else {
            assertThat(answer.text("field")).isEqualTo(field);
        }
    }

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

    private List<ConsumerRecord<String, byte[]>> taskEvents(Set<String> taskIds, int atLeast) {
        return TopicProbe.read(
                        brokers,
                        "meetings.task.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> taskIds.contains(x.key())).count() >= atLeast)
                .stream()
                .filter(r -> taskIds.contains(r.key()))
                .toList();
    }

    @Test
    void everyPresentMemberGetsATaskOrTheSecretarysReasonBeforeTheMeetingCloses() {
        String meetingId = meetingInProgress();
        String tasks = "/api/v1/meetings/" + meetingId + "/tasks";

        problem(http.post(tasks, secretary, task(UUID.randomUUID(), DUE.toString())), 422, "not-in-cell", "ownerId");
        problem(http.post(tasks, secretary, task(members.get(3), DUE.toString())), 422, "not-present", "ownerId");
        problem(
                http.post(
                        tasks,
                        secretary,
                        task(members.get(0), MEETING_DAY.minusDays(1).toString())),
                422,
                "due-before-meeting",
                "dueOn");
        problem(http.post(tasks, secretary, task(members.get(0), "2026-13-01")), 400, null, "dueOn");
        problem(http.post(tasks, secretary, task(members.get(0), "+999999-01-01")), 400, null, "dueOn");
        Map<String, Object> untitled = task(members.get(0), DUE.toString());
        untitled.put("title", " ");
        problem(http.post(tasks, secretary, untitled), 400, null, "title");
        problem(http.post(tasks, secretary, task("not-a-uuid", DUE.toString())), 400, null, "ownerId");
        // Nothing of the refused requests was written.
        assertThat(http.get(tasks, secretary).body().path("tasks")).isEmpty();

        Answer refused = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        problem(refused, 422, "tasks-missing", "tasks");
        assertThat(refused.body().path("members").findValuesAsString("memberId"))
                .containsExactlyInAnyOrder(
                        members.get(0).toString(),
                        members.get(1).toString(),
                        members.get(2).toString());

        Answer first = assign(meetingId, members.get(0));
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.text("ownerName")).isEqualTo("Đảng viên Số 0");
        Answer second = assign(meetingId, members.get(1));
        assertThat(second.status()).isEqualTo(201);
        Answer stillRefused = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        problem(stillRefused, 422, "tasks-missing", "tasks");
        assertThat(stillRefused.body().path("members").findValuesAsString("memberId"))
                .containsExactly(members.get(2).toString());

        String waiver = "/api/v1/meetings/" + meetingId + "/task-waivers/" + members.get(2);
        problem(http.put(waiver, secretary, Map.of("reason", " ")), 400, null, "reason");
        problem(
                http.put(
                        "/api/v1/meetings/" + meetingId + "/task-waivers/" + members.get(3),
                        secretary,
                        Map.of("reason", "Ốm")),
                422,
                "not-present",
                "memberId");
        Answer waived = http.put(waiver, secretary, Map.of("reason", "Đang điều trị bệnh dài ngày"));
        assertThat(waived.status()).as(waived.body().toString()).isEqualTo(200);

        JsonNode sheet = http.get(tasks, secretary).body();
        assertThat(sheet.path("tasks").findValuesAsString("ownerId"))
                .containsExactlyInAnyOrder(
                        members.get(0).toString(), members.get(1).toString());
        assertThat(sheet.path("waivers").findValuesAsString("reason")).containsExactly("Đang điều trị bệnh dài ngày");
        assertThat(sheet.path("withoutTask")).isEmpty();
        assertThat(sheet.path("closeWithoutTask").asString()).isEqualTo("REFUSE");

        Answer closed = http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        Answer afterClose = assign(meetingId, members.get(2));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.text("code")).isEqualTo("meeting-closed");

        Set<String> ids = Set.of(first.text("id"), second.text("id"));
        List<ConsumerRecord<String, byte[]>> published = taskEvents(ids, 2);
        assertThat(published)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsOnly("meetings.task.assigned")
                .hasSize(2);
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode data = JSON.readTree(published.getFirst().value());
        assertThat(data.path("dueOn").asString()).isEqualTo(DUE.toString());
        assertThat(data.path("meetingId").asString()).isEqualTo(meetingId);
    }

    @Test
    void ownersReportTheSecretaryConfirmsAndCorrectsAndTheWatchPublishesEachOverdueTaskOnce() {
        String meetingId = meetingInProgress();
        Map<Integer, String> taskOf = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            Answer a = assign(meetingId, members.get(i));
            assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
            taskOf.put(i, a.text("id"));
        }
        assertThat(http.post("/api/v1/meetings/" + meetingId + "/close", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        String t0 = "/api/v1/tasks/" + taskOf.get(0);
        String t1 = "/api/v1/tasks/" + taskOf.get(1);
        String t2 = "/api/v1/tasks/" + taskOf.get(2);
        String owner0 = memberTokens.get(members.get(0));
        String owner1 = memberTokens.get(members.get(1));
        String owner2 = memberTokens.get(members.get(2));

        // Two days after the meeting member 0 reports: blocked first, then done (on time); a done
        // date after the service's today is outside the field's window (400).
        CLOCK.set(STARTS_AT.plus(2, ChronoUnit.DAYS));
        problem(http.post(t0 + "/reports", owner1, Map.of("progress", "IN_PROGRESS")), 403, "forbidden", null);
        problem(http.post(t0 + "/reports", secretary, Map.of("progress", "IN_PROGRESS")), 403, "forbidden", null);
        problem(http.post(t0 + "/reports", owner0, Map.of("progress", "BLOCKED")), 422, "note-required", "note");
        problem(http.post(t0 + "/reports", owner0, Map.of("progress", "FINISHED")), 400, null, "progress");
        problem(
                http.post(
                        t0 + "/reports",
                        owner0,
                        Map.of(
                                "progress",
                                "DONE",
                                "doneOn",
                                MEETING_DAY.plusDays(3).toString())),
                400,
                null,
                "doneOn");
        assertThat(http.post(t0 + "/reports", owner0, Map.of("progress", "BLOCKED", "note", "Chưa có kinh phí"))
                        .status())
                .isEqualTo(201);
        Answer done = http.post(t0 + "/reports", owner0, Map.of("progress", "DONE", "note", "Đã vận động 6 hộ"));
        assertThat(done.status()).as(done.body().toString()).isEqualTo(201);
        assertThat(done.body().path("reports")).hasSize(2);
        assertThat(done.body().path("open").asBoolean()).isFalse();
        assertThat(http.get(t0, owner0).status()).isEqualTo(200);
        problem(http.get(t0, owner1), 403, "forbidden", null);
        assertThat(http.get(t0, committee).status()).isEqualTo(200);

        problem(http.post(t0 + "/outcome", owner0, Map.of("beyondAsked", true)), 403, "forbidden", null);
        problem(http.post(t0 + "/outcome", committee, Map.of("beyondAsked", true)), 403, "forbidden", null);
        problem(http.post(t0 + "/outcome", secretary, Map.of()), 400, null, "beyondAsked");
        problem(
                withIfMatch(HttpMethod.POST, t0 + "/outcome", Map.of("beyondAsked", true), "\"1\"", secretary),
                409,
                "stale-version",
                null);
        Answer confirmed = withIfMatch(
                HttpMethod.POST,
                t0 + "/outcome",
                Map.of("beyondAsked", true, "note", "Vượt chỉ tiêu"),
                done.etag(),
                secretary);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.text("outcome")).isEqualTo("ON_TIME");
        problem(
                http.post(t0 + "/outcome", secretary, Map.of("beyondAsked", false)),
                409,
                "task-outcome-confirmed",
                "outcome");
        problem(http.post(t0 + "/outcome/corrections", secretary, Map.of("beyondAsked", false)), 400, null, "reason");
        Answer corrected = http.post(
                t0 + "/outcome/corrections",
                secretary,
                Map.of("beyondAsked", false, "reason", "Chưa vượt chỉ tiêu, ghi nhầm"));
        assertThat(corrected.status()).as(corrected.body().toString()).isEqualTo(200);
        assertThat(corrected.body().path("outcomes")).hasSize(2);
        assertThat(corrected
                        .body()
                        .path("outcomes")
                        .get(0)
                        .path("correctionReason")
                        .isNull())
                .isTrue();
        assertThat(corrected
                        .body()
                        .path("outcomes")
                        .get(1)
                        .path("correctionReason")
                        .asString())
                .isEqualTo("Chưa vượt chỉ tiêu, ghi nhầm");
        // Member 1's task is running and not due: no outcome yet.
        problem(http.post(t1 + "/outcome", secretary, Map.of("beyondAsked", false)), 422, "task-not-done", "status");

        // The day after the due date the watch finds tasks 1 and 2 open: once each, however often it runs.
        CLOCK.set(DUE.plusDays(1).atTime(1, 15).atZone(VietnamTime.ZONE).toInstant());
        assertThat(watch.runToday().published()).isEqualTo(2);
        assertThat(watch.runToday().published()).isZero();
        assertThat(http.get(t1, owner1).body().path("overdueOn").asString())
                .isEqualTo(DUE.plusDays(1).toString());

        // What the cell and its next meeting see: both open tasks overdue, paginated.
        Answer cellDue = http.get("/api/v1/cells/" + cellId + "/tasks/due?size=1", committee);
        assertThat(cellDue.status()).as(cellDue.body().toString()).isEqualTo(200);
        assertThat(cellDue.body()
                        .path("tasks")
                        .path("page")
                        .path("totalElements")
                        .asInt())
                .isEqualTo(2);
        assertThat(cellDue.body().path("tasks").path("content")).hasSize(1);
        assertThat(cellDue.body().path("tasks").path("content").findValuesAsString("state"))
                .containsOnly("OVERDUE");
        problem(http.get("/api/v1/cells/" + cellId + "/tasks/due?until=+999999-01-01", committee), 400, null, "until");
        problem(http.get("/api/v1/cells/" + cellId + "/tasks/due?sort=title", committee), 400, null, null);
        CLOCK.set(DUE.plusDays(1).atTime(9, 0).atZone(VietnamTime.ZONE).toInstant());
        Answer next = http.post(
                "/api/v1/meetings",
                secretary,
                Map.of(
                        "cellId",
                        cellId,
                        "kind",
                        "REGULAR",
                        "title",
                        "Sinh hoạt chi bộ tháng sau",
                        "startsAt",
                        DUE.plusDays(2)
                                .atTime(8, 0)
                                .atZone(VietnamTime.ZONE)
                                .toInstant()
                                .toString(),
                        "place",
                        "Nhà văn hóa thôn Tân",
                        "agenda",
                        List.of("Kiểm điểm nhiệm vụ")));
        assertThat(next.status()).as(next.body().toString()).isEqualTo(201);
        JsonNode dueAtNext = http.get("/api/v1/meetings/" + next.text("id") + "/tasks/due", secretary)
                .body();
        // Same due date: the order between them is the id's, which is random.
        assertThat(dueAtNext.path("tasks").path("content").findValuesAsString("id"))
                .containsExactlyInAnyOrder(taskOf.get(1), taskOf.get(2));
        assertThat(dueAtNext.path("tasks").path("content").findValuesAsString("state"))
                .containsOnly("OVERDUE");

        // Member 2 reports it done a day late; the secretary confirms late, and member 1's as overdue.
        Answer doneLate = http.post(t2 + "/reports", owner2, Map.of("progress", "DONE"));
        assertThat(doneLate.status()).as(doneLate.body().toString()).isEqualTo(201);
        assertThat(http.post(t2 + "/outcome", secretary, Map.of("beyondAsked", false))
                        .text("outcome"))
                .isEqualTo("LATE");
        problem(
                http.post(t1 + "/outcome", secretary, Map.of("beyondAsked", true)),
                422,
                "beyond-asked-not-done",
                "beyondAsked");
        assertThat(http.post(t1 + "/outcome", secretary, Map.of("beyondAsked", false))
                        .text("outcome"))
                .isEqualTo("OVERDUE");
        assertThat(http.get("/api/v1/cells/" + cellId + "/tasks/due", committee)
                        .body()
                        .path("tasks")
                        .path("content"))
                .isEmpty();

        List<ConsumerRecord<String, byte[]>> published = taskEvents(Set.copyOf(taskOf.values()), 13);
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        Map<String, List<String>> typesByTask = published.stream()
                .collect(Collectors.groupingBy(
                        ConsumerRecord::key,
                        Collectors.mapping(r -> EventContractValidator.header(r, "ce_type"), Collectors.toList())));
        assertThat(typesByTask.get(taskOf.get(0)))
                .containsExactly(
                        "meetings.task.assigned",
                        "meetings.task.reported",
                        "meetings.task.reported",
                        "meetings.task.done-on-time",
                        "meetings.task.done-on-time");
        assertThat(typesByTask.get(taskOf.get(1)))
                .containsExactly("meetings.task.assigned", "meetings.task.overdue", "meetings.task.overdue");
        assertThat(typesByTask.get(taskOf.get(2)))
                .containsExactly(
                        "meetings.task.assigned",
                        "meetings.task.overdue",
                        "meetings.task.reported",
                        "meetings.task.done-late");
        long detected = published.stream()
                .filter(r -> "meetings.task.overdue".equals(EventContractValidator.header(r, "ce_type")))
                .map(r -> JSON.readTree(r.value()))
                .filter(d -> !d.path("confirmed").asBoolean())
                .count();
        assertThat(detected).as("the watch publishes each overdue task once").isEqualTo(2);
        JsonNode correction = published.stream()
                .filter(r -> r.key().equals(taskOf.get(0)))
                .map(r -> JSON.readTree(r.value()))
                .filter(d -> d.path("revision").asInt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(correction.path("beyondAsked").asBoolean()).isFalse();
        assertThat(correction.path("correctionReason").asString()).isEqualTo("Chưa vượt chỉ tiêu, ghi nhầm");
    }

    @Test
    void everyTaskEndpointIs404OutsideTheSubtreeLikeARandomIdAnd403WithTooLowARole() {
        String meetingId = meetingInProgress();
        Answer assigned = assign(meetingId, members.get(0));
        assertThat(assigned.status()).isEqualTo(201);
        String task = "/api/v1/tasks/" + assigned.text("id");
        String meeting = "/api/v1/meetings/" + meetingId;
        String randomTask = "/api/v1/tasks/" + UUID.randomUUID();
        String randomMeeting = "/api/v1/meetings/" + UUID.randomUUID();
        String owner = memberTokens.get(members.get(0));
        String otherMember = memberTokens.get(members.get(1));
        Map<String, Object> newTask = task(members.get(2), DUE.toString());
        Map<String, Object> reason = Map.of("reason", "Đang điều trị bệnh");
        Map<String, Object> report = Map.of("progress", "IN_PROGRESS");
        Map<String, Object> outcome = Map.of("beyondAsked", false);
        Map<String, Object> correction = Map.of("beyondAsked", false, "reason", "Ghi nhầm");

        List<Answer> outside = List.of(
                http.post(meeting + "/tasks", outsider, newTask),
                http.get(meeting + "/tasks", outsider),
                http.put(meeting + "/task-waivers/" + members.get(2), outsider, reason),
                http.get(meeting + "/tasks/due", outsider),
                http.get("/api/v1/cells/" + cellId + "/tasks/due", outsider),
                http.get(task, outsider),
                http.post(task + "/reports", outsider, report),
                http.post(task + "/outcome", outsider, outcome),
                http.post(task + "/outcome/corrections", outsider, correction));
        List<Answer> random = List.of(
                http.post(randomMeeting + "/tasks", secretary, newTask),
                http.get(randomMeeting + "/tasks", secretary),
                http.put(randomMeeting + "/task-waivers/" + members.get(2), secretary, reason),
                http.get(randomMeeting + "/tasks/due", secretary),
                http.get("/api/v1/cells/" + UUID.randomUUID() + "/tasks/due", secretary),
                http.get(randomTask, secretary),
                http.post(randomTask + "/reports", owner, report),
                http.post(randomTask + "/outcome", secretary, outcome),
                http.post(randomTask + "/outcome/corrections", secretary, correction));
        for (int i = 0; i < outside.size(); i++) {
            assertThat(outside.get(i).status())
                    .as("endpoint %d out of scope", i)
                    .isEqualTo(404);
            assertThat(outside.get(i).contentType()).startsWith("application/problem+json");
            assertThat(random.get(i).status())
                    .as("endpoint %d on a random id", i)
                    .isEqualTo(404);
            assertThat(outside.get(i).text("detail")).isEqualTo(random.get(i).text("detail"));
        }
        List<Answer> tooLow = List.of(
                http.post(meeting + "/tasks", otherMember, newTask),
                http.get(meeting + "/tasks", otherMember),
                http.put(meeting + "/task-waivers/" + members.get(2), committee, reason),
                http.get(meeting + "/tasks/due", otherMember),
                http.get("/api/v1/cells/" + cellId + "/tasks/due", otherMember),
                http.get(task, otherMember),
                http.post(task + "/reports", otherMember, report),
                http.post(task + "/outcome", committee, outcome),
                http.post(task + "/outcome/corrections", owner, correction));
        for (int i = 0; i < tooLow.size(); i++) {
            assertThat(tooLow.get(i).status())
                    .as("endpoint %d with too low a role", i)
                    .isEqualTo(403);
            assertThat(tooLow.get(i).text("code")).isEqualTo("forbidden");
        }
        // Nothing was written by any of them.
        assertThat(http.get(meeting + "/tasks", secretary).body().path("tasks")).hasSize(1);
        assertThat(http.get(meeting + "/tasks", secretary).body().path("waivers"))
                .isEmpty();
    }

    @Test
    void noMalformedRequestToTheTaskEndpointsReachesA5xx() throws Exception {
        String meetingId = meetingInProgress();
        Answer assigned = assign(meetingId, members.get(0));
        assertThat(assigned.status()).isEqualTo(201);
        ApiFuzz fuzz = ApiFuzz.on(port)
                .token("secretary", secretary)
                .token("owner", memberTokens.get(members.get(0)))
                .example("cellId", cellId.toString())
                .example("id", meetingId)
                .example("taskId", assigned.text("id"))
                .example("memberId", members.get(2).toString())
                .example("ownerId", members.get(1).toString())
                .example("dueOn", DUE.toString());

        List<String> findings = fuzz.run();

        assertThat(fuzz.sent()).isGreaterThan(300);
        assertThat(findings).isEmpty();
    }
}
