package vn.partycell.meeting.adapter.out.mongo;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.MeetingTaskRepository;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.TaskEvent;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Tasks in MongoDB; a change and its events are one document write. */
@Repository
public class MongoMeetingTaskRepository implements MeetingTaskRepository {

    static final String COLLECTION = "meeting_tasks";

    private static final Map<String, String> SORT_FIELDS = Map.of("dueOn", "dueOn");

    /** The most overdue first, then the id so pages stay stable between requests. */
    private static final Sort FALLBACK = Sort.by("dueOn", "_id");

    private final MongoTemplate mongo;
    private final AggregateWriter<TaskEvent> writer;

    public MongoMeetingTaskRepository(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<TaskEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<MeetingTask> find(TaskId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), MeetingTaskDocument.class))
                .map(MeetingTaskDocument::toDomain);
    }

    @Override
    public List<MeetingTask> findAll(Collection<TaskId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(TaskId::toString).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), MeetingTaskDocument.class).stream()
                .map(MeetingTaskDocument::toDomain)
                .toList();
    }

    @Override
    public List<MeetingTask> ofMeeting(MeetingId meetingId) {
        return mongo
                .find(
                        Query.query(Criteria.where("meetingId").is(meetingId.toString()))
                                .with(Sort.by("assignedAt", "_id")),
                        MeetingTaskDocument.class)
                .stream()
                .map(MeetingTaskDocument::toDomain)
                .toList();
    }

    @Override
    public void insert(Change<MeetingTask, TaskEvent> change) {
        writer.insert(MeetingTaskDocument.from(change.state()), change);
    }

    @Override
    public void update(Change<MeetingTask, TaskEvent> change, long expectedVersion) {
        writer.update(MeetingTaskDocument.from(change.state()), change, expectedVersion);
    }

    @Override
    public ResultPage<MeetingTask> openInCell(CellId cellId, MeetingId except, LocalDate until, PageQuery page) {
        Criteria criteria = Criteria.where("cellId")
                .is(cellId.toString())
                .and("open")
                .is(true)
                .and("dueOn")
                .lte(until.toString());
        if (except != null) {
            criteria = criteria.and("meetingId").ne(except.toString());
        }
        return MongoPages.find(
                mongo,
                Query.query(criteria),
                page,
                SORT_FIELDS,
                FALLBACK,
                MeetingTaskDocument.class,
                MeetingTaskDocument::toDomain);
    }
}
