package vn.partycell.meeting.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.ProceedingsRepository;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Proceedings in MongoDB keyed by the meeting id; the record and its events are one document write. */
@Repository
public class MongoProceedingsRepository implements ProceedingsRepository {

    static final String COLLECTION = "meeting_proceedings";

    private final MongoTemplate mongo;
    private final AggregateWriter<ProceedingsEvent> writer;

    public MongoProceedingsRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<ProceedingsEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<Proceedings> find(MeetingId meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId.toString(), ProceedingsDocument.class))
                .map(ProceedingsDocument::toDomain);
    }

    @Override
    public void save(Change<Proceedings, ProceedingsEvent> change, long expectedVersion) {
        ProceedingsDocument document = ProceedingsDocument.from(change.state());
        if (expectedVersion > 0) {
            writer.update(document, change, expectedVersion);
            return;
        }
        try {
            writer.insert(document, change);
        } catch (DuplicateKeyException e) {
            // Someone recorded the first line of these proceedings meanwhile.
            throw new ConflictException(
                    "stale-version", "Diễn biến buổi sinh hoạt vừa được người khác ghi; hãy tải lại rồi thử lần nữa");
        }
    }

    @Override
    public List<CongressHeld> congressesOf(CellId cellId) {
        Query query = Query.query(Criteria.where("cellId")
                .is(cellId.toString())
                .and("congressElectedOn")
                .ne(null));
        return mongo.find(query, ProceedingsDocument.class).stream()
                .map(d -> new CongressHeld(MeetingId.of(d.id()), d.congressElectedOn()))
                .toList();
    }
}
