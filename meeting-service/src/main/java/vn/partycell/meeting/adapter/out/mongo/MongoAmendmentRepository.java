package vn.partycell.meeting.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.AmendmentRepository;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.AmendmentEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Amendments in MongoDB; an approval and its event are one document write. */
@Repository
public class MongoAmendmentRepository implements AmendmentRepository {

    static final String COLLECTION = "meeting_amendments";

    private final MongoTemplate mongo;
    private final AggregateWriter<AmendmentEvent> writer;

    public MongoAmendmentRepository(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<AmendmentEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<Amendment> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), AmendmentDocument.class))
                .map(AmendmentDocument::toDomain);
    }

    @Override
    public List<Amendment> ofMeeting(MeetingId meetingId) {
        return mongo
                .find(
                        Query.query(Criteria.where("meetingId").is(meetingId.toString()))
                                .with(Sort.by("proposedAt", "_id")),
                        AmendmentDocument.class)
                .stream()
                .map(AmendmentDocument::toDomain)
                .toList();
    }

    @Override
    public void insert(Change<Amendment, AmendmentEvent> change) {
        writer.insert(AmendmentDocument.from(change.state()), change);
    }

    @Override
    public void update(Change<Amendment, AmendmentEvent> change, long expectedVersion) {
        writer.update(AmendmentDocument.from(change.state()), change, expectedVersion);
    }
}
