package vn.partycell.evaluation.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.evaluation.application.MemberTaskRepository;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.TaskId;
import vn.partycell.evaluation.domain.TaskLine;
import vn.partycell.evaluation.domain.TaskOutcome;

/**
 * Each member's task facts per year ({@code member_tasks}): one document under the unique key
 * {@code <memberId>:<year>} holding one line per task ({@code tasks.<taskId>}), read by {@code _id}
 * (the local store ignores non-unique indexes). A write is one conditional upsert on the line's
 * {@code writes} as read: a document whose line has moved on makes the upsert collide on {@code
 * _id}, and the caller reads again. Nothing comes from the clock, so a replay rebuilds the same
 * documents.
 */
@Repository
public class MongoMemberTasks implements MemberTaskRepository {

    static final String COLLECTION = "member_tasks";

    private final MongoTemplate mongo;

    public MongoMemberTasks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(MemberId memberId, int year) {
        return memberId + ":" + year;
    }

    @Override
    public Optional<MemberTasks> find(MemberId memberId, int year) {
        Document d = mongo.getCollection(COLLECTION)
                .find(new Document("_id", id(memberId, year)))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        Document tasks = d.get("tasks", Document.class);
        List<TaskLine> lines = new ArrayList<>();
        if (tasks != null) {
            tasks.forEach((taskId, value) -> lines.add(line(TaskId.of(taskId), (Document) value)));
        }
        return Optional.of(new MemberTasks(memberId, year, lines));
    }

    @Override
    public boolean write(MemberId memberId, int year, TaskLine line, int storedWrites) {
        String field = "tasks." + line.taskId();
        Criteria unchanged = storedWrites == 0
                ? Criteria.where(field).exists(false)
                : Criteria.where(field + ".writes").is(storedWrites);
        Query query = Query.query(Criteria.where("_id").is(id(memberId, year)).andOperator(unchanged));
        Update update = new Update()
                .setOnInsert("memberId", memberId.toString())
                .setOnInsert("year", year)
                .set(field, document(line));
        try {
            mongo.upsert(query, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Document document(TaskLine t) {
        return new Document("meetingId", t.meetingId().toString())
                .append("cellId", t.cellId().toString())
                .append("dueOn", t.dueOn().toString())
                .append("title", t.title())
                .append(
                        "assignedAt",
                        t.assignedAt() == null ? null : t.assignedAt().toString())
                .append("assignedVersion", t.assignedVersion())
                .append("outcome", t.outcome() == null ? null : t.outcome().name())
                .append(
                        "outcomeOn",
                        t.outcomeOn() == null ? null : t.outcomeOn().toString())
                .append("beyondAsked", t.beyondAsked())
                .append("outcomeVersion", t.outcomeVersion())
                .append("writes", t.writes());
    }

    private static TaskLine line(TaskId taskId, Document d) {
        String assignedAt = d.getString("assignedAt");
        String outcome = d.getString("outcome");
        String outcomeOn = d.getString("outcomeOn");
        return new TaskLine(
                taskId,
                MeetingId.of(d.getString("meetingId")),
                CellId.of(d.getString("cellId")),
                LocalDate.parse(d.getString("dueOn")),
                d.getString("title"),
                assignedAt == null ? null : Instant.parse(assignedAt),
                ((Number) d.get("assignedVersion")).longValue(),
                outcome == null ? null : TaskOutcome.valueOf(outcome),
                outcomeOn == null ? null : LocalDate.parse(outcomeOn),
                d.getBoolean("beyondAsked", false),
                ((Number) d.get("outcomeVersion")).longValue(),
                ((Number) d.get("writes")).intValue());
    }
}
