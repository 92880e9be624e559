package vn.partycell.notification.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.TaskReminderRepository;
import vn.partycell.notification.domain.AssignedTask;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.notification.domain.TaskReminder;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Task reminders in MongoDB: one document per task in {@code task_reminders} ({@code _id} the task
 * id: what the notices say, {@code cancelled}, {@code sentAt}), and one bucket per due day in {@code
 * task_due_days} ({@code _id} the date, {@code taskIds}), so the reminder job reads the day's bucket
 * by its key instead of scanning tasks. The assignment only ever sets the task's own fields, never
 * {@code cancelled} or {@code sentAt}: a redelivered assignment cannot revive a reminder.
 */
@Repository
public class MongoTaskReminderRepository implements TaskReminderRepository {

    static final String REMINDERS = "task_reminders";
    static final String DUE_DAYS = "task_due_days";

    private final MongoTemplate mongo;

    public MongoTaskReminderRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void schedule(TaskReminder reminder, String eventId) {
        AssignedTask t = reminder.task();
        KnownMeeting m = reminder.meeting();
        // The bucket first: a crash in between leaves a bucket entry without a reminder, which reads as nothing.
        mongo.getCollection(DUE_DAYS)
                .updateOne(
                        Filters.eq("_id", t.dueOn().toString()),
                        Updates.addToSet("taskIds", t.taskId().toString()),
                        new UpdateOptions().upsert(true));
        Document meeting = m == null
                ? null
                : new Document("meetingId", m.meetingId().toString())
                        .append("title", m.title())
                        .append("startsAt", Date.from(m.startsAt()))
                        .append("version", m.version());
        mongo.getCollection(REMINDERS)
                .updateOne(
                        Filters.eq("_id", t.taskId().toString()),
                        Updates.combine(
                                Updates.set("meetingId", t.meetingId().toString()),
                                Updates.set("cellId", t.cellId().value().toString()),
                                Updates.set("orgPath", t.orgPath().value()),
                                Updates.set("ownerId", t.ownerId().value().toString()),
                                Updates.set("title", t.title()),
                                Updates.set("dueOn", t.dueOn().toString()),
                                Updates.set("meeting", meeting),
                                Updates.set("eventId", eventId),
                                Updates.setOnInsert("cancelled", false)),
                        new UpdateOptions().upsert(true));
    }

    @Override
    public boolean cancel(TaskId taskId) {
        // Matches only a reminder not cancelled yet; a cancelled one makes the upsert collide on _id.
        Query notCancelled = Query.query(
                Criteria.where("_id").is(taskId.toString()).and("cancelled").ne(true));
        try {
            mongo.upsert(notCancelled, new Update().set("cancelled", true), REMINDERS);
            return true;
        } catch (DuplicateKeyException alreadyCancelled) {
            return false;
        }
    }

    @Override
    public Optional<TaskReminder> find(TaskId taskId) {
        return Optional.ofNullable(mongo.getCollection(REMINDERS)
                        .find(Filters.and(Filters.eq("_id", taskId.toString()), Filters.exists("title")))
                        .first())
                .map(MongoTaskReminderRepository::reminder);
    }

    @Override
    public List<TaskReminder> pendingDueOn(LocalDate day) {
        Document bucket = mongo.getCollection(DUE_DAYS)
                .find(Filters.eq("_id", day.toString()))
                .first();
        if (bucket == null) {
            return List.of();
        }
        List<String> ids = bucket.getList("taskIds", String.class);
        List<TaskReminder> pending = new ArrayList<>();
        mongo.getCollection(REMINDERS)
                .find(Filters.and(
                        Filters.in("_id", ids),
                        Filters.eq("cancelled", false),
                        Filters.eq("sentAt", null),
                        Filters.eq("dueOn", day.toString())))
                .map(MongoTaskReminderRepository::reminder)
                .into(pending);
        return pending;
    }

    @Override
    public void markSent(TaskId taskId, Instant at) {
        mongo.getCollection(REMINDERS)
                .updateOne(
                        Filters.and(Filters.eq("_id", taskId.toString()), Filters.eq("sentAt", null)),
                        Updates.set("sentAt", Date.from(at)));
    }

    private static TaskReminder reminder(Document d) {
        AssignedTask task = new AssignedTask(
                TaskId.of(d.getString("_id")),
                MeetingId.of(d.getString("meetingId")),
                CellId.of(d.getString("cellId")),
                OrgPath.of(d.getString("orgPath")),
                MemberId.of(d.getString("ownerId")),
                d.getString("title"),
                LocalDate.parse(d.getString("dueOn")));
        Document m = d.get("meeting", Document.class);
        KnownMeeting meeting = m == null
                ? null
                : new KnownMeeting(
                        MeetingId.of(m.getString("meetingId")),
                        m.getString("title"),
                        m.getDate("startsAt").toInstant(),
                        m.get("version", Number.class).longValue());
        return new TaskReminder(task, meeting);
    }
}
