package vn.partycell.meeting.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.adapter.out.events.TaskTopics;
import vn.partycell.meeting.application.TaskOverdueWatch;
import vn.partycell.meeting.application.TaskWatchSettings;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.meeting.domain.TaskProgress;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.outbox.MongoJobLease;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.InMemoryMongo;
import vn.partycell.platform.test.MutableClock;

/**
 * The daily overdue watch of tasks over the MongoDB wire protocol, with a clock the test moves: a
 * task due yesterday and still open is marked once, with its event in the same document, however
 * often the watch runs; a task done in time and a task not yet due are not; the watch finds tasks
 * through their due day's buckets; another replica holding the lease keeps a run out.
 */
class TaskOverdueWatchOnMongoTest {

    static final LocalDate MEETING_DAY = LocalDate.of(2026, 12, 5);
    static final LocalDate FIRST_DUE = LocalDate.of(2026, 12, 20);
    static final LocalDate SECOND_DUE = LocalDate.of(2026, 12, 28);

    MongoClient client;
    MongoTemplate mongo;
    MongoMeetingTaskRepository tasks;
    MongoTaskDueDays dueDays;
    final MutableClock clock = new MutableClock(at(MEETING_DAY));
    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId owner = new MemberId(UUID.randomUUID());
    InProgressMeeting meeting;
    Roster roster;

    static Instant at(LocalDate day) {
        return day.atTime(8, 0).atZone(VietnamTime.ZONE).toInstant();
    }

    @BeforeEach
    void connect() {
        String db = "tasks-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        OutboundEvents outbound =
                new OutboundEvents("meeting-service", JsonMapper.builder().build(), clock);
        tasks = new MongoMeetingTaskRepository(mongo, new OutboxStore(mongo, null), new TaskTopics(outbound));
        dueDays = new MongoTaskDueDays(mongo);
        roster = new Roster(List.of(new RosterMember(
                owner, cell, null, OrgPath.of("/hy/cb-a/"), "Nguyễn Văn An", MemberStatus.FULL, false, 1)));
        meeting = new InProgressMeeting(
                MeetingId.random(),
                cell,
                OrgPath.of("/hy/cb-a/"),
                new MeetingPlan(MeetingKind.REGULAR, "Tháng 12", null, at(MEETING_DAY), "Thôn An", List.of("Kết luận")),
                Map.of(owner, new Attendance(owner, AttendanceStatus.PRESENT, null, true)),
                at(MEETING_DAY),
                "bt",
                3);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private MeetingTask assign(LocalDate due) {
        var change = MeetingTask.assign(
                TaskId.random(), meeting, roster, owner, "Nhiệm vụ " + due, null, due, "bt", clock.instant());
        dueDays.add(due, change.state().id());
        dueDays.add(due, change.state().id());
        tasks.insert(change);
        return change.state();
    }

    private TaskOverdueWatch watch(MongoJobLease lease) {
        return new TaskOverdueWatch(
                dueDays,
                tasks,
                lease,
                new TaskWatchSettings(true, "0 15 1 * * *", Duration.ofMinutes(30), 7, 2),
                clock);
    }

    private long overdueEvents(MeetingTask task) {
        Document stored = mongo.getCollection(MongoMeetingTaskRepository.COLLECTION)
                .find(new Document("_id", task.id().toString()))
                .first();
        return stored.getList("outbox", Document.class).stream()
                .filter(e -> "meetings.task.overdue".equals(e.getString("type")))
                .count();
    }

    @Test
    void anOpenTaskIsMarkedOverdueOnceTheDayAfterItsDueDateWithItsEventInTheSameWrite() {
        MeetingTask open = assign(FIRST_DUE);
        MeetingTask openToo = assign(FIRST_DUE);
        MeetingTask doneInTime = assign(FIRST_DUE);
        MeetingTask later = assign(SECOND_DUE);
        clock.set(at(FIRST_DUE));
        tasks.update(doneInTime.report(owner, TaskProgress.DONE, null, null, clock.instant()), doneInTime.version());
        assertThat(dueDays.dueOn(FIRST_DUE)).hasSize(3);

        TaskOverdueWatch watch = watch(new MongoJobLease(mongo, clock));
        assertThat(watch.runToday().published())
                .as("not overdue on its due day")
                .isZero();

        clock.set(at(FIRST_DUE.plusDays(1)));
        TaskOverdueWatch.Run first = watch.runToday();
        assertThat(first.ran()).isTrue();
        assertThat(first.tasksChecked()).isEqualTo(3);
        assertThat(first.published()).isEqualTo(2);
        TaskOverdueWatch.Run again = watch.runToday();
        assertThat(again.published()).isZero();
        // A second replica (its own lease holder) after the first one finished publishes nothing either.
        assertThat(watch(new MongoJobLease(mongo, clock)).runToday().published())
                .isZero();
        assertThat(overdueEvents(open)).isEqualTo(1);
        assertThat(overdueEvents(openToo)).isEqualTo(1);
        assertThat(overdueEvents(doneInTime)).isZero();
        assertThat(overdueEvents(later)).isZero();
        assertThat(tasks.find(open.id()).orElseThrow().overdueOn()).isEqualTo(FIRST_DUE.plusDays(1));

        // A missed day is caught up: two days after the second due date, one run marks it.
        clock.set(at(SECOND_DUE.plusDays(2)));
        assertThat(watch.runToday().published()).isEqualTo(1);
        assertThat(overdueEvents(later)).isEqualTo(1);
        assertThat(overdueEvents(open)).isEqualTo(1);
    }

    @Test
    void theWatchReadsTheDueDaysBucketsNotTheTasksAndStaysOutWhileAnotherReplicaHoldsTheLease() {
        MeetingTask listed = assign(FIRST_DUE);
        // A task stored without its day's bucket is not found: the watch never scans the tasks.
        var unlisted = MeetingTask.assign(
                TaskId.random(), meeting, roster, owner, "x", null, FIRST_DUE, "bt", clock.instant());
        tasks.insert(unlisted);
        clock.set(at(FIRST_DUE.plusDays(1)));

        MongoJobLease other = new MongoJobLease(mongo, clock);
        assertThat(other.tryHold("task-overdue-watch", Duration.ofMinutes(30))).isTrue();
        TaskOverdueWatch.Run refused = watch(new MongoJobLease(mongo, clock)).runToday();
        assertThat(refused.ran()).isFalse();
        assertThat(overdueEvents(listed)).isZero();

        other.release("task-overdue-watch");
        assertThat(watch(new MongoJobLease(mongo, clock)).runToday().published())
                .isEqualTo(1);
        assertThat(overdueEvents(listed)).isEqualTo(1);
        assertThat(overdueEvents(unlisted.state())).isZero();
    }
}
