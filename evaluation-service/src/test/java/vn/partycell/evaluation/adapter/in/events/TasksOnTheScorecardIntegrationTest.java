package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * meetings.task.v1 over the embedded broker, as meeting-service publishes it: the tasks of a member
 * due in a year show on the scorecard by their latest outcome (a task found overdue and then done
 * late counts once, as late; an overdue that arrives before its assignment counts), each figure
 * with the tasks behind it, by year and quarter, with the year's task condition (366-QĐ/TW: all
 * tasks on time for good and above) from the policy. A redelivered or re-published event, and a
 * replay of the whole topic from offset 0, change nothing; a wiped store is rebuilt to the same
 * documents. Who may read a scorecard does not change.
 *
 * <p>A context of its own, so that the topic holds only what this class put there.
 */
@ServiceIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class TasksOnTheScorecardIntegrationTest {

    static final String GROUP = MeetingEventConsumers.GROUP;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    BindingsLifecycleController bindings;

    TestEvents events;
    Http http;
    Admin admin;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";

    @BeforeEach
    void setUp() {
        events = new TestEvents(brokers);
        http = new Http(port);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    @AfterEach
    void tearDown() {
        events.close();
        admin.close();
    }

    private String secretary() {
        return TestTokens.user("bt").grant(cellPath, "secretary").token();
    }

    private Http.Answer scorecard(UUID member, int year, String token) {
        return http.get("/api/v1/scorecards/" + member + "?year=" + year, token);
    }

    private TaskEvent task(UUID meetingId, UUID owner, String dueOn, String title) {
        return new TaskEvent(meetingId, cellId, cellPath, owner, LocalDate.parse(dueOn), title);
    }

    private static List<String> taskIds(JsonNode count) {
        return count.path("tasks").findValuesAsString("taskId");
    }

    private static String id(TaskEvent t) {
        return t.taskId.toString();
    }

    @Test
    void tasksCountByTheirLatestOutcomeAndTraceToTheirEvents() {
        UUID an = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        ClosedMeetingEvent january = ClosedMeetingEvent.regular(cellId, cellPath, "2025-01-06T01:00:00Z")
                .attend(an, "PRESENT", true)
                .attend(binh, "PRESENT", false);
        ClosedMeetingEvent december = ClosedMeetingEvent.regular(cellId, cellPath, "2024-12-05T01:00:00Z")
                .attend(an, "PRESENT", false);
        january.send(events);
        december.send(events);
        UUID m = january.meetingId;
        Instant assignedAt = Instant.parse("2025-01-06T03:00:00Z");

        // Done on time and beyond what was asked.
        TaskEvent onTime = task(m, an, "2025-02-28", "Vận động 5 hộ gia đình tham gia làm đường");
        onTime.sendAssigned(events, assignedAt);
        onTime.sendReported(events, 1, LocalDate.parse("2025-02-20"), 2);
        onTime.sendDoneOnTime(events, LocalDate.parse("2025-02-20"), true, 1, 3);
        // Found overdue by the watch, then confirmed done late: one failure, late.
        TaskEvent overdueThenLate = task(m, an, "2025-03-31", "Thu đảng phí quý I của tổ");
        overdueThenLate.sendAssigned(events, assignedAt);
        overdueThenLate.sendOverdue(events, LocalDate.parse("2025-04-01"), null, 2);
        overdueThenLate.sendDoneLate(events, LocalDate.parse("2025-04-03"), false, 1, 3);
        // The overdue arrives before its assignment: counted, and the assignment still adds its title.
        TaskEvent overdueFirst = task(m, an, "2025-05-15", "Viết bài thu hoạch chuyên đề");
        overdueFirst.sendOverdue(events, LocalDate.parse("2025-05-16"), null, 2);
        overdueFirst.sendAssigned(events, assignedAt);
        // Reported done by the owner, not yet confirmed: open.
        TaskEvent reportedOnly = task(m, an, "2025-11-30", "Kèm cặp đảng viên dự bị");
        reportedOnly.sendAssigned(events, assignedAt);
        reportedOnly.sendReported(events, 1, LocalDate.parse("2025-11-20"), 2);
        // Confirmed on time beyond what was asked, then corrected to late: late, and no longer beyond.
        TaskEvent corrected = task(m, an, "2025-06-30", "Tuyên truyền Nghị quyết tới khu dân cư");
        corrected.sendAssigned(events, assignedAt);
        corrected.sendDoneOnTime(events, LocalDate.parse("2025-06-28"), true, 1, 2);
        corrected.sendDoneLate(events, LocalDate.parse("2025-07-02"), false, 2, 3);
        // Bình: every task on time.
        TaskEvent binhs = task(m, binh, "2025-04-30", "Rà soát hộ nghèo trong khu dân cư");
        binhs.sendAssigned(events, assignedAt);
        binhs.sendDoneOnTime(events, LocalDate.parse("2025-04-29"), false, 1, 2);
        // Due in 2024, a year with no task condition in the shipped policy.
        TaskEvent lastYear = task(december.meetingId, an, "2024-12-20", "Tổng kết phong trào thi đua");
        lastYear.sendAssigned(events, Instant.parse("2024-12-05T03:00:00Z"));
        lastYear.sendOverdue(events, LocalDate.parse("2024-12-21"), null, 2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tasks =
                    scorecard(an, 2025, secretary()).body().path("tasks").path("totals");
            assertThat(tasks.path("assigned").path("count").asInt()).isEqualTo(5);
            assertThat(tasks.path("doneLate").path("count").asInt()).isEqualTo(2);
            assertThat(tasks.path("overdue").path("count").asInt()).isEqualTo(1);
            assertThat(tasks.path("doneOnTime").path("count").asInt()).isEqualTo(1);
            assertThat(taskIds(tasks.path("assigned"))).contains(id(overdueFirst));
            assertThat(tasks.path("assigned").path("tasks").findValuesAsString("title"))
                    .contains(overdueFirst.title);
        });
        JsonNode card = scorecard(an, 2025, secretary()).body();
        JsonNode totals = card.path("tasks").path("totals");
        assertThat(taskIds(totals.path("assigned")))
                .containsExactly(id(onTime), id(overdueThenLate), id(overdueFirst), id(corrected), id(reportedOnly));
        assertThat(taskIds(totals.path("doneOnTime"))).containsExactly(id(onTime));
        assertThat(taskIds(totals.path("doneLate"))).containsExactly(id(overdueThenLate), id(corrected));
        assertThat(taskIds(totals.path("overdue"))).containsExactly(id(overdueFirst));
        assertThat(taskIds(totals.path("open"))).containsExactly(id(reportedOnly));
        assertThat(taskIds(totals.path("beyondAsked"))).containsExactly(id(onTime));
        JsonNode late = totals.path("doneLate").path("tasks").get(0);
        assertThat(late.path("meetingId").asString()).isEqualTo(m.toString());
        assertThat(late.path("cellId").asString()).isEqualTo(cellId.toString());
        assertThat(late.path("dueOn").asString()).isEqualTo("2025-03-31");
        assertThat(late.path("outcomeOn").asString()).isEqualTo("2025-04-03");
        assertThat(late.path("outcomeVersion").asLong()).isEqualTo(3);
        assertThat(late.path("title").asString()).isEqualTo(overdueThenLate.title);
        assertThat(late.path("assignedAt").asString()).isEqualTo(assignedAt.toString());

        JsonNode quarters = card.path("tasks").path("quarters");
        assertThat(quarters).hasSize(4);
        assertThat(taskIds(quarters.get(0).path("figures").path("assigned")))
                .containsExactly(id(onTime), id(overdueThenLate));
        assertThat(taskIds(quarters.get(1).path("figures").path("doneLate"))).containsExactly(id(corrected));
        assertThat(taskIds(quarters.get(1).path("figures").path("overdue"))).containsExactly(id(overdueFirst));
        assertThat(quarters.get(2)
                        .path("figures")
                        .path("assigned")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(taskIds(quarters.get(3).path("figures").path("open"))).containsExactly(id(reportedOnly));

        JsonNode condition = card.path("tasks").path("condition");
        assertThat(condition.path("allOnTimeForGood").asBoolean()).isTrue();
        assertThat(condition.path("met").asBoolean()).isFalse();
        assertThat(taskIds(condition)).containsExactly(id(overdueThenLate), id(overdueFirst), id(corrected));
        assertThat(condition.path("reasons").get(0).asString())
                .contains("3 nhiệm vụ không hoàn thành đúng hạn trong năm 2025")
                .contains("2 trễ hạn, 1 quá hạn");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scorecard(binh, 2025, secretary())
                                .body()
                                .path("tasks")
                                .path("totals")
                                .path("doneOnTime")
                                .path("count")
                                .asInt())
                        .isEqualTo(1));
        JsonNode binhCondition =
                scorecard(binh, 2025, secretary()).body().path("tasks").path("condition");
        assertThat(binhCondition.path("met").asBoolean()).isTrue();
        assertThat(binhCondition.path("reasons").get(0).asString()).contains("đủ điều kiện");

        // 2024: the task counts there (its due date's year), but that year's policy sets no condition.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scorecard(an, 2024, secretary())
                                .body()
                                .path("tasks")
                                .path("totals")
                                .path("overdue")
                                .path("count")
                                .asInt())
                        .isEqualTo(1));
        JsonNode condition2024 =
                scorecard(an, 2024, secretary()).body().path("tasks").path("condition");
        assertThat(condition2024.path("allOnTimeForGood").asBoolean()).isFalse();
        assertThat(condition2024.path("met").asBoolean()).isTrue();
        assertThat(condition2024.path("reasons")).isEmpty();
    }

    @Test
    void whoMayReadTheTasksIsWhoMayReadTheScorecard() {
        UUID cuong = UUID.randomUUID();
        UUID dung = UUID.randomUUID();
        ClosedMeetingEvent meeting = ClosedMeetingEvent.regular(cellId, cellPath, "2025-03-03T01:00:00Z")
                .attend(cuong, "PRESENT", false)
                .attend(dung, "PRESENT", false);
        meeting.send(events);
        TaskEvent t = task(meeting.meetingId, cuong, "2025-04-10", "Phụ trách tổ tự quản");
        t.sendAssigned(events, Instant.parse("2025-03-03T03:00:00Z"));
        // Tasks of a member with no meeting in the year: there is no scorecard to show them on.
        UUID elsewhere = UUID.randomUUID();
        task(meeting.meetingId, elsewhere, "2025-04-10", "Nhiệm vụ của người chưa có bảng điểm")
                .sendAssigned(events, Instant.parse("2025-03-03T03:00:00Z"));

        String own =
                TestTokens.user("cuong").member(cuong).grant(cellPath, "member").token();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(taskIds(scorecard(cuong, 2025, own)
                                .body()
                                .path("tasks")
                                .path("totals")
                                .path("assigned")))
                        .containsExactly(id(t)));
        String colleague =
                TestTokens.user("dung").member(dung).grant(cellPath, "member").token();
        assertThat(scorecard(cuong, 2025, colleague).status()).isEqualTo(403);
        String outsider = TestTokens.user("bt-b").grant("/hy/b/", "secretary").token();
        Http.Answer hidden = scorecard(cuong, 2025, outsider);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().toString()).doesNotContain(id(t));
        String superior = TestTokens.user("du-a").grant("/hy/a/", "superior").token();
        assertThat(scorecard(cuong, 2025, superior).status()).isEqualTo(200);
        assertThat(scorecard(elsewhere, 2025, superior).status()).isEqualTo(404);
    }

    @Test
    void aRedeliveredRepublishedOrReplayedTaskEventChangesNothing() throws Exception {
        UUID em = UUID.randomUUID();
        ClosedMeetingEvent meeting = ClosedMeetingEvent.regular(cellId, cellPath, "2025-08-04T01:00:00Z")
                .attend(em, "PRESENT", false);
        meeting.send(events);
        TaskEvent t = task(meeting.meetingId, em, "2025-09-15", "Vận động quỹ khuyến học");
        String assigned = t.sendAssigned(events, Instant.parse("2025-08-04T03:00:00Z"));
        String overdue = t.sendOverdue(events, LocalDate.parse("2025-09-16"), null, 2);
        String late = t.sendDoneLate(events, LocalDate.parse("2025-09-20"), true, 1, 3);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(taskIds(scorecard(em, 2025, secretary())
                                .body()
                                .path("tasks")
                                .path("totals")
                                .path("doneLate")))
                        .containsExactly(id(t)));
        awaitCaughtUp();
        Map<String, Document> before = memberTasks();
        double applied = consumed("applied");
        double duplicates = consumed("duplicate");

        // The same records again (redelivery), and the same facts under new event ids (re-publication),
        // the older overdue last: nothing changes, the done-late stays in force.
        t.sendAgain(events, late, TaskEvent.DONE_LATE, t.doneJson(LocalDate.parse("2025-09-20"), true, 1, 3));
        t.sendAgain(events, assigned, TaskEvent.ASSIGNED, t.assignedJson(Instant.parse("2025-08-04T03:00:00Z")));
        t.sendDoneLate(events, LocalDate.parse("2025-09-20"), true, 1, 3);
        t.sendAssigned(events, Instant.parse("2025-08-04T03:00:00Z"));
        t.sendAgain(events, overdue, TaskEvent.OVERDUE, t.overdueJson(LocalDate.parse("2025-09-16"), null, 2));
        t.sendOverdue(events, LocalDate.parse("2025-09-16"), null, 2);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + 6));
        awaitCaughtUp();
        assertThat(consumed("applied")).isEqualTo(applied);
        assertThat(memberTasks()).isEqualTo(before);
        JsonNode totals = scorecard(em, 2025, secretary()).body().path("tasks").path("totals");
        assertThat(taskIds(totals.path("doneLate"))).containsExactly(id(t));
        assertThat(totals.path("overdue").path("count").asInt()).isZero();
        assertThat(taskIds(totals.path("beyondAsked"))).containsExactly(id(t));

        // The whole topic again from offset 0 over the current state: every fact already applied.
        Map<String, Document> live = memberTasks();
        double replayedDuplicates = consumed("duplicate");
        rewindTaskTopic(() -> {});
        awaitCaughtUp();
        assertThat(consumed("applied")).isEqualTo(applied);
        assertThat(consumed("duplicate")).isGreaterThanOrEqualTo(replayedDuplicates + 9);
        assertThat(memberTasks()).isEqualTo(live);

        // Rebuild: the task facts wiped, the topic replayed through the same binding and handler.
        rewindTaskTopic(() -> mongo.getCollection("member_tasks").deleteMany(new Document()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(memberTasks()).isEqualTo(live));
        awaitCaughtUp();
        assertThat(memberTasks()).isEqualTo(live);
    }

    private Map<String, Document> memberTasks() {
        return mongo.getCollection("member_tasks").find().into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> d));
    }

    private double consumed(String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", TaskEvent.TOPIC, "group", GROUP, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private List<TopicPartition> partitions() throws Exception {
        return admin
                .describeTopics(List.of(TaskEvent.TOPIC))
                .allTopicNames()
                .get()
                .get(TaskEvent.TOPIC)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(TaskEvent.TOPIC, p.partition()))
                .toList();
    }

    /** The group has committed the end of every partition of the task topic. */
    private void awaitCaughtUp() throws Exception {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var ends = admin.listOffsets(latest).all().get();
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                assertThat(at == null ? 0 : at.offset())
                        .as(p.toString())
                        .isEqualTo(ends.get(p).offset());
            }
        });
    }

    /**
     * Stops every binding of the group (an operator's {@code kafka-consumer-groups --reset-offsets
     * --to-earliest} needs an empty group), runs {@code whileStopped}, moves the group's offsets on
     * meetings.task.v1 to the start, and starts the bindings again.
     */
    private void rewindTaskTopic(Runnable whileStopped) throws Exception {
        List<String> all =
                List.of(MeetingEventConsumers.BINDING, OrgUnitEventConsumers.BINDING, TaskEventConsumers.BINDING);
        all.forEach(b -> bindings.changeState(b, State.STOPPED));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> admin.describeConsumerGroups(List.of(GROUP))
                        .all()
                        .get()
                        .get(GROUP)
                        .members()
                        .isEmpty());
        whileStopped.run();
        Map<TopicPartition, OffsetAndMetadata> start =
                partitions().stream().collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(GROUP, start).all().get();
        all.forEach(b -> bindings.changeState(b, State.STARTED));
    }
}
