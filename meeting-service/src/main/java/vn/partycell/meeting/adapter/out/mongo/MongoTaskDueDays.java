package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.TaskDueDays;
import vn.partycell.meeting.domain.TaskId;

/**
 * The tasks due on each day ({@code task_due_days}) in {@value #BUCKETS} bucket documents per day,
 * {@code _id = <yyyy-MM-dd>:<bucket>}, the bucket taken from the task id: the watch reads a day by
 * {@value #BUCKETS} unique keys (the local store, which ignores non-unique indexes, too), and a
 * day's share of a province's tasks (a month-end can hold most of them) stays far below a
 * document's size limit. Changing BUCKETS needs the open buckets rewritten.
 */
@Repository
public class MongoTaskDueDays implements TaskDueDays {

    static final String COLLECTION = "task_due_days";
    static final int BUCKETS = 16;

    private final MongoTemplate mongo;

    public MongoTaskDueDays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(LocalDate dueOn, TaskId task) {
        // $addToSet: adding the same task again (a retried request) lists it once.
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", key(dueOn, Math.floorMod(task.value().hashCode(), BUCKETS))),
                        Updates.combine(
                                Updates.set("day", dueOn.toString()), Updates.addToSet("tasks", task.toString())),
                        new UpdateOptions().upsert(true));
    }

    @Override
    public List<TaskId> dueOn(LocalDate day) {
        List<String> keys =
                IntStream.range(0, BUCKETS).mapToObj(b -> key(day, b)).toList();
        List<TaskId> due = new ArrayList<>();
        for (Document bucket : mongo.getCollection(COLLECTION).find(Filters.in("_id", keys))) {
            bucket.getList("tasks", String.class).forEach(t -> due.add(TaskId.of(t)));
        }
        return due;
    }

    private static String key(LocalDate day, int bucket) {
        return day + ":" + bucket;
    }
}
