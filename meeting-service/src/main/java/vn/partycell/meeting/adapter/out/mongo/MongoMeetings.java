package vn.partycell.meeting.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.adapter.out.events.MeetingTopics;
import vn.partycell.meeting.application.Meetings;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.ScopeCriteria;

/** Meetings in MongoDB; a change and the event it causes are one document write. */
@Repository
public class MongoMeetings implements Meetings {

    static final String COLLECTION = "meetings";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboundEvents events;

    public MongoMeetings(MongoTemplate mongo, OutboxStore outbox, OutboundEvents events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public Optional<Meeting> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), MeetingDocument.class))
                .map(MeetingDocument::toDomain);
    }

    @Override
    public void insert(Meeting meeting, MeetingEvent event) {
        outbox.insert(COLLECTION, MeetingDocument.from(meeting), List.of(MeetingTopics.toOutbox(events, event)));
    }

    @Override
    public void update(Meeting meeting, long expectedVersion, MeetingEvent event) {
        outbox.update(
                COLLECTION,
                MeetingDocument.from(meeting),
                expectedVersion,
                event == null ? List.of() : List.of(MeetingTopics.toOutbox(events, event)));
    }

    @Override
    public Page<Meeting> search(Caller caller, UUID cellId, MeetingStatus status, Pageable pageable) {
        Criteria criteria = ScopeCriteria.within(caller, "orgPath");
        if (cellId != null) {
            criteria = new Criteria()
                    .andOperator(criteria, Criteria.where("cellId").is(cellId.toString()));
        }
        if (status != null) {
            criteria = new Criteria()
                    .andOperator(criteria, Criteria.where("status").is(status));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, MeetingDocument.class);
        List<Meeting> content = mongo.find(query.with(pageable), MeetingDocument.class).stream()
                .map(MeetingDocument::toDomain)
                .toList();
        return new PageImpl<>(content, pageable, total);
    }
}
