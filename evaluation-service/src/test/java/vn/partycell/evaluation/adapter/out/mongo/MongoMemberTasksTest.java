package vn.partycell.evaluation.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.evaluation.application.TaskProjection;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.TaskFact;
import vn.partycell.evaluation.domain.TaskId;
import vn.partycell.evaluation.domain.TaskLine;
import vn.partycell.evaluation.domain.TaskOutcome;
import vn.partycell.platform.test.InMemoryMongo;

/** The task facts' conditional writes, over the MongoDB wire protocol (mongo-java-server). */
class MongoMemberTasksTest {

    MongoClient client;
    MongoTemplate mongo;
    MongoMemberTasks store;
    final MemberId member = new MemberId(UUID.randomUUID());
    final MeetingId meeting = new MeetingId(UUID.randomUUID());
    final CellId cell = new CellId(UUID.randomUUID());

    @BeforeEach
    void setUp() {
        String db = "tasks-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        store = new MongoMemberTasks(mongo);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private TaskFact.Assigned assigned(TaskId id, String dueOn) {
        return new TaskFact.Assigned(
                id,
                member,
                meeting,
                cell,
                LocalDate.parse(dueOn),
                "Nhiệm vụ " + dueOn,
                Instant.parse("2025-01-06T03:00:00Z"),
                1);
    }

    @Test
    void writesALineOnlyOverTheOneReadAndKeepsOneDocumentPerMemberAndYear() {
        TaskId first = new TaskId(UUID.randomUUID());
        TaskId second = new TaskId(UUID.randomUUID());
        TaskLine a = TaskLine.start(assigned(first, "2025-02-28"));
        assertThat(store.write(member, 2025, a, 0)).isTrue();
        // A second start of the same task loses: the line is there already.
        assertThat(store.write(member, 2025, a, 0)).isFalse();
        assertThat(store.write(member, 2025, TaskLine.start(assigned(second, "2025-12-31")), 0))
                .isTrue();
        TaskLine late = a.apply(new TaskFact.Settled(
                        first,
                        member,
                        meeting,
                        cell,
                        a.dueOn(),
                        TaskOutcome.LATE,
                        LocalDate.parse("2025-03-02"),
                        true,
                        3))
                .orElseThrow();
        assertThat(store.write(member, 2025, late, 1)).isTrue();
        // Written over a line that has moved on since it was read: refused.
        assertThat(store.write(member, 2025, late, 1)).isFalse();

        MemberTasks read = store.find(member, 2025).orElseThrow();
        assertThat(read.tasks()).containsExactly(late, TaskLine.start(assigned(second, "2025-12-31")));
        assertThat(store.find(member, 2024)).isEmpty();
        assertThat(mongo.getCollection(MongoMemberTasks.COLLECTION).countDocuments())
                .isEqualTo(1);
        Document d = mongo.getCollection(MongoMemberTasks.COLLECTION).find().first();
        assertThat(d.getString("_id")).isEqualTo(member + ":2025");
    }

    @Test
    void theProjectionOverTheStoreAppliesEachFactOnce() {
        TaskProjection projection = new TaskProjection(store);
        TaskId id = new TaskId(UUID.randomUUID());
        TaskFact overdue = new TaskFact.Settled(
                id,
                member,
                meeting,
                cell,
                LocalDate.parse("2025-05-15"),
                TaskOutcome.OVERDUE,
                LocalDate.parse("2025-05-16"),
                false,
                2);
        assertThat(projection.on(overdue)).isEqualTo(vn.partycell.evaluation.application.Effect.APPLIED);
        assertThat(projection.on(overdue)).isEqualTo(vn.partycell.evaluation.application.Effect.DUPLICATE);
        assertThat(projection.on(assigned(id, "2025-05-15")))
                .isEqualTo(vn.partycell.evaluation.application.Effect.APPLIED);
        assertThat(projection.on(assigned(id, "2025-05-15")))
                .isEqualTo(vn.partycell.evaluation.application.Effect.DUPLICATE);
        TaskLine line = store.find(member, 2025).orElseThrow().task(id).orElseThrow();
        assertThat(line.outcome()).isEqualTo(TaskOutcome.OVERDUE);
        assertThat(line.title()).isEqualTo("Nhiệm vụ 2025-05-15");
    }
}
