package vn.partycell.meeting.adapter.out.mongo;

import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.MeetingRepository;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.ScopeCriteria;

/** Meetings in MongoDB; a change and the events the meeting decided are one document write. */
@Repository
public class MongoMeetingRepository implements MeetingRepository {

    static final String COLLECTION = "meetings";

    /** API sort names to document fields (the same names today; the map keeps them apart). */
    private static final Map<String, String> SORT_FIELDS =
            Map.of("startsAt", "startsAt", "title", "title", "status", "status");

    /** After the caller's sort, the id keeps pages stable between requests. */
    private static final Sort TIE_BREAK = Sort.by("_id");

    private final MongoTemplate mongo;
    private final AggregateWriter<MeetingEvent> writer;

    public MongoMeetingRepository(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MeetingEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<Meeting> find(MeetingId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), MeetingDocument.class))
                .map(MeetingDocument::toDomain);
    }

    @Override
    public void insert(Change<? extends Meeting, MeetingEvent> change) {
        writer.insert(MeetingDocument.from(change.state()), change);
    }

    @Override
    public void update(Change<? extends Meeting, MeetingEvent> change, long expectedVersion) {
        writer.update(MeetingDocument.from(change.state()), change, expectedVersion);
    }

    @Override
    public ResultPage<Meeting> search(Caller caller, CellId cellId, MeetingStatus status, PageQuery page) {
        Criteria criteria = ScopeCriteria.within(caller, "orgPath");
        if (cellId != null) {
            criteria = new Criteria()
                    .andOperator(criteria, Criteria.where("cellId").is(cellId.toString()));
        }
        if (status != null) {
            criteria = new Criteria()
                    .andOperator(criteria, Criteria.where("status").is(status));
        }
        return MongoPages.find(
                mongo,
                Query.query(criteria),
                page,
                SORT_FIELDS,
                TIE_BREAK,
                MeetingDocument.class,
                MeetingDocument::toDomain);
    }
}
