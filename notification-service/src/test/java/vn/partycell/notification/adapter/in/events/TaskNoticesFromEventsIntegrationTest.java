package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.notification.application.NoticeRepository;
import vn.partycell.notification.application.TaskDueSoonReminders;
import vn.partycell.notification.application.TaskReminderRepository;
import vn.partycell.notification.application.TaskReminderSettings;
import vn.partycell.notification.support.MeetingLoop;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.outbox.MongoJobLease;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.MutableClock;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * DOMAIN §7 "a task assigned / due soon / overdue" over a real broker and the MongoDB wire protocol:
 * meeting-service's task events reach the owner once each (the assignment naming its meeting and
 * due date), the daily reminder job (its clock moved by the test, one replica at a time) reminds the
 * owner of an open task the day before it falls due, a task done first is not reminded, and an
 * overdue task reaches the owner and the cell's secretary once, however often it is delivered.
 */
@ServiceIntegrationTest
class TaskNoticesFromEventsIntegrationTest {

    static final String TASKS = "meetings.task.v1";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MEETING_TITLE = "Sinh hoạt chi bộ thường kỳ tháng 12/2026";
    static final Instant MEETING_STARTS = Instant.parse("2026-12-05T01:30:00Z");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TaskReminderRepository reminders;

    @Autowired
    NoticeRepository notices;

    MeetingLoop loop;
    TestEvents events;
    Http http;
    final UUID owner = UUID.randomUUID();
    final UUID secretary = UUID.randomUUID();
    final UUID meeting = UUID.randomUUID();
    final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void setUp() {
        loop = new MeetingLoop(brokers, "x-" + owner.toString().substring(0, 6));
        events = new TestEvents(brokers);
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        events.close();
        loop.close();
    }

    /** The reminder job as a replica runs it, on the context's stores, with the test's clock and lease. */
    TaskDueSoonReminders job(int leadDays, MongoJobLease lease) {
        return new TaskDueSoonReminders(
                reminders,
                notices,
                lease,
                new TaskReminderSettings(true, "0 0 7 * * *", leadDays, Duration.ofMinutes(5)),
                clock);
    }

    static Instant morningOf(LocalDate day) {
        return day.atTime(7, 0).atZone(VietnamTime.ZONE).toInstant();
    }

    String assigned(UUID task, LocalDate dueOn, String title) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.toString());
        data.put("meetingId", meeting.toString());
        data.put("cellId", loop.cellId.toString());
        data.put("orgPath", loop.cellPath);
        data.put("ownerId", owner.toString());
        data.put("dueOn", dueOn.toString());
        data.put("title", title);
        data.put("description", "Báo cáo kết quả tại buổi sinh hoạt tháng sau");
        data.put("assignedBy", "bt-chi-bo");
        data.put("assignedAt", "2026-12-05T03:30:00Z");
        data.put("version", 1);
        return JSON.writeValueAsString(data);
    }

    String outcome(UUID task, LocalDate dueOn, LocalDate doneOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.toString());
        data.put("meetingId", meeting.toString());
        data.put("cellId", loop.cellId.toString());
        data.put("orgPath", loop.cellPath);
        data.put("ownerId", owner.toString());
        data.put("dueOn", dueOn.toString());
        data.put("doneOn", doneOn.toString());
        data.put("beyondAsked", false);
        data.put("revision", 1);
        data.put("note", null);
        data.put("confirmedBy", "bt-chi-bo");
        data.put("confirmedAt", "2026-12-10T02:00:00Z");
        data.put("correctionReason", null);
        data.put("version", 3);
        return JSON.writeValueAsString(data);
    }

    String reportedDone(UUID task, LocalDate dueOn, LocalDate doneOn) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.toString());
        data.put("meetingId", meeting.toString());
        data.put("cellId", loop.cellId.toString());
        data.put("orgPath", loop.cellPath);
        data.put("ownerId", owner.toString());
        data.put("dueOn", dueOn.toString());
        data.put("report", 1);
        data.put("progress", "DONE");
        data.put("note", "Đã hoàn thành");
        data.put("doneOn", doneOn.toString());
        data.put("reportedAt", "2026-12-09T10:00:00Z");
        data.put("version", 2);
        return JSON.writeValueAsString(data);
    }

    String overdue(UUID task, LocalDate dueOn, boolean confirmed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.toString());
        data.put("meetingId", meeting.toString());
        data.put("cellId", loop.cellId.toString());
        data.put("orgPath", loop.cellPath);
        data.put("ownerId", owner.toString());
        data.put("dueOn", dueOn.toString());
        data.put("detectedOn", dueOn.plusDays(1).toString());
        data.put("confirmed", confirmed);
        data.put("revision", confirmed ? 1 : null);
        data.put("confirmedBy", confirmed ? "bt-chi-bo" : null);
        data.put("correctionReason", null);
        data.put("version", confirmed ? 3 : 2);
        return JSON.writeValueAsString(data);
    }

    String send(String type, UUID task, String json) {
        return events.send(TASKS, type, task.toString(), loop.cellPath, json);
    }

    List<JsonNode> inbox(UUID member, String kind) {
        String token = TestTokens.user("u-" + member)
                .member(member)
                .grant(loop.cellPath, "member")
                .token();
        Http.Answer answer = http.get("/api/v1/notices?size=200", token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body()
                .path("content")
                .valueStream()
                .filter(n -> n.path("kind").asString().equals(kind))
                .toList();
    }

    boolean cancelled(UUID task) {
        Document d = mongo.getCollection("task_reminders")
                .find(new Document("_id", task.toString()))
                .first();
        return d != null && Boolean.TRUE.equals(d.getBoolean("cancelled"));
    }

    String reminderEventId(UUID task) {
        Document d = mongo.getCollection("task_reminders")
                .find(new Document("_id", task.toString()))
                .first();
        return d == null ? null : d.getString("eventId");
    }

    void knowTheCell() {
        loop.registered(owner, "Trần Thị Bình", "FULL");
        events.send(
                "members.org-unit.v1",
                "members.org-unit.role-assigned",
                loop.cellId.toString(),
                loop.cellPath,
                """
                {"orgUnitId":"%s","kind":"CELL","orgPath":"%s","assignmentId":"%s","memberId":"%s",
                 "role":"SECRETARY","from":"2025-01-01","termId":null,"version":2}""".formatted(loop.cellId, loop.cellPath, UUID.randomUUID(), secretary));
        loop.scheduled(meeting, MEETING_TITLE, MEETING_STARTS);
        // Other topics than the tasks': in production known long before a task is assigned.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(owner.toString())), "roster_members"))
                    .isTrue();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(loop.cellId.toString())), "secretaries"))
                    .isTrue();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(meeting.toString())), "known_meetings"))
                    .isTrue();
        });
    }

    @Test
    void theOwnerIsToldOfTheAssignmentAndRemindedTheDayBeforeOnlyOfAnOpenTask() {
        knowTheCell();
        LocalDate due = LocalDate.of(2027, 1, 20);
        UUID open = UUID.randomUUID();
        UUID doneOnTime = UUID.randomUUID();
        UUID reportedDone = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        String openAssigned = assigned(open, due, "Vận động 5 hộ gia đình tham gia làm đường giao thông");
        String openEventId = send("meetings.task.assigned", open, openAssigned);
        send("meetings.task.assigned", doneOnTime, assigned(doneOnTime, due, "Thu đảng phí quý IV"));
        send("meetings.task.assigned", reportedDone, assigned(reportedDone, due, "Viết bản kiểm điểm"));
        send("meetings.task.assigned", later, assigned(later, due.plusDays(5), "Tổng kết phong trào"));
        // Redelivered (same event id) and republished (new id): still one notice of the assignment.
        events.sendWithId(openEventId, TASKS, "meetings.task.assigned", open.toString(), loop.cellPath, openAssigned);
        send("meetings.task.assigned", open, openAssigned);
        send("meetings.task.done-on-time", doneOnTime, outcome(doneOnTime, due, due.minusDays(3)));
        send("meetings.task.reported", reportedDone, reportedDone(reportedDone, due, due.minusDays(2)));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(inbox(owner, "TASK_ASSIGNED")).hasSize(4);
            assertThat(cancelled(doneOnTime)).isTrue();
            assertThat(cancelled(reportedDone)).isTrue();
        });
        // The open task's republication was behind the first notice on the same key: consumed by now.
        assertThat(inbox(owner, "TASK_ASSIGNED")).hasSize(4);
        JsonNode notice = inbox(owner, "TASK_ASSIGNED").stream()
                .filter(n -> n.path("title").asString().contains("Vận động"))
                .findFirst()
                .orElseThrow();
        assertThat(notice.path("title").asString())
                .isEqualTo("Nhiệm vụ được giao: Vận động 5 hộ gia đình tham gia làm đường giao thông");
        assertThat(notice.path("body").asString())
                .contains("buổi sinh hoạt “" + MEETING_TITLE + "” (thứ Bảy, ngày 05/12/2026)")
                .contains("Hạn hoàn thành: thứ Tư, ngày 20/01/2027.");

        // The done task's assignment replayed after it was done: its reminder stays cancelled.
        String doneReplayId =
                send("meetings.task.assigned", doneOnTime, assigned(doneOnTime, due, "Thu đảng phí quý IV"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(reminderEventId(doneOnTime)).isEqualTo(doneReplayId));
        assertThat(cancelled(doneOnTime)).isTrue();

        MongoJobLease ourLease = new MongoJobLease(mongo, clock);
        // Two days ahead: not yet (lead time 1 day).
        clock.set(morningOf(due.minusDays(2)));
        assertThat(job(1, ourLease).runToday().sent()).isZero();
        // The day before: only the open task due tomorrow; the done ones and the later one are not reminded.
        clock.set(morningOf(due.minusDays(1)));
        MongoJobLease otherReplica = new MongoJobLease(mongo, clock);
        assertThat(otherReplica.tryHold("task-due-soon-reminders", Duration.ofMinutes(5)))
                .isTrue();
        TaskDueSoonReminders.Run blocked = job(1, ourLease).runToday();
        assertThat(blocked.ran()).isFalse();
        otherReplica.release("task-due-soon-reminders");
        TaskDueSoonReminders.Run run = job(1, ourLease).runToday();
        assertThat(run.ran()).isTrue();
        assertThat(run.sent()).isEqualTo(1);
        // Run again (a rerun, another replica): nothing twice.
        assertThat(job(1, ourLease).runToday().sent()).isZero();
        clock.set(Instant.now());
        List<JsonNode> dueSoon = inbox(owner, "TASK_DUE_SOON");
        assertThat(dueSoon).hasSize(1);
        assertThat(dueSoon.getFirst().path("title").asString())
                .isEqualTo("Nhiệm vụ sắp đến hạn: Vận động 5 hộ gia đình tham gia làm đường giao thông");
        assertThat(dueSoon.getFirst().path("body").asString()).contains("thứ Tư, ngày 20/01/2027");

        // A replay of the assignment once the reminder went out: applied to the reminder, yet neither a
        // second notice of the assignment nor a second reminder.
        String replayId = send("meetings.task.assigned", open, openAssigned);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(mongo.getCollection("task_reminders")
                                .find(new Document("_id", open.toString()))
                                .first()
                                .getString("eventId"))
                        .isEqualTo(replayId));
        clock.set(morningOf(due.minusDays(1)));
        assertThat(job(1, ourLease).runToday().sent()).isZero();
        clock.set(Instant.now());
        assertThat(inbox(owner, "TASK_DUE_SOON")).hasSize(1);
        assertThat(inbox(owner, "TASK_ASSIGNED")).hasSize(4);
    }

    @Test
    void aLongerLeadTimeRemindsEarlier() {
        knowTheCell();
        LocalDate due = LocalDate.of(2027, 2, 10);
        UUID task = UUID.randomUUID();
        send("meetings.task.assigned", task, assigned(task, due, "Nắm tình hình dư luận xã hội"));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(inbox(owner, "TASK_ASSIGNED")).hasSize(1));
        MongoJobLease lease = new MongoJobLease(mongo, clock);
        clock.set(morningOf(due.minusDays(3)));
        assertThat(job(1, lease).runToday().sent()).isZero();
        assertThat(job(3, lease).runToday().sent()).isEqualTo(1);
        clock.set(morningOf(due.minusDays(1)));
        assertThat(job(1, lease).runToday().sent()).isZero();
        clock.set(Instant.now());
        assertThat(inbox(owner, "TASK_DUE_SOON")).hasSize(1);
    }

    @Test
    void anOverdueTaskReachesTheOwnerAndTheSecretaryOnce() {
        knowTheCell();
        LocalDate due = LocalDate.of(2027, 3, 15);
        UUID task = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        send("meetings.task.assigned", task, assigned(task, due, "Hướng dẫn đảng viên mới viết lý lịch"));
        String watch = overdue(task, due, false);
        String watchId = send("meetings.task.overdue", task, watch);
        // Redelivered, republished, then the secretary's confirmation: the same fact for the notices.
        events.sendWithId(watchId, TASKS, "meetings.task.overdue", task.toString(), loop.cellPath, watch);
        send("meetings.task.overdue", task, watch);
        send("meetings.task.overdue", task, overdue(task, due, true));
        // A second task's overdue behind them (another key, so only awaited): the owner's second notice.
        send("meetings.task.overdue", second, overdue(second, due, false));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(inbox(owner, "TASK_OVERDUE")).hasSize(2);
            assertThat(inbox(secretary, "TASK_OVERDUE")).hasSize(2);
        });
        send("meetings.task.overdue", task, overdue(task, due, true));
        send("meetings.task.done-late", task, outcome(task, due, due.plusDays(4)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(cancelled(task)).isTrue());
        assertThat(inbox(owner, "TASK_OVERDUE")).hasSize(2);
        assertThat(inbox(secretary, "TASK_OVERDUE")).hasSize(2);

        JsonNode toOwner = inbox(owner, "TASK_OVERDUE").stream()
                .filter(n -> n.path("title").asString().contains("lý lịch"))
                .findFirst()
                .orElseThrow();
        assertThat(toOwner.path("title").asString())
                .isEqualTo("Nhiệm vụ quá hạn: Hướng dẫn đảng viên mới viết lý lịch");
        assertThat(toOwner.path("body").asString()).contains("thứ Hai, ngày 15/03/2027");
        JsonNode toSecretary = inbox(secretary, "TASK_OVERDUE").stream()
                .filter(n -> n.path("body").asString().contains("lý lịch"))
                .findFirst()
                .orElseThrow();
        assertThat(toSecretary.path("title").asString()).isEqualTo("Nhiệm vụ quá hạn của đồng chí Trần Thị Bình");
        assertThat(toSecretary.path("body").asString())
                .contains("giao cho đồng chí Trần Thị Bình")
                .contains("Đề nghị chi ủy đôn đốc");
        // Overdue before its reminder: the job has nothing to send for it.
        clock.set(morningOf(due.minusDays(1)));
        assertThat(job(1, new MongoJobLease(mongo, clock)).runToday().sent()).isZero();
    }
}
