package vn.partycell.meeting.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.AttendanceReplyRepository;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.AttendanceReplyEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Answers to notices in MongoDB; a decision and its event are one document write. */
@Repository
public class MongoAttendanceReplyRepository implements AttendanceReplyRepository {

    static final String COLLECTION = "attendance_replies";

    private final MongoTemplate mongo;
    private final AggregateWriter<AttendanceReplyEvent> writer;

    public MongoAttendanceReplyRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<AttendanceReplyEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<AttendanceReply> find(MeetingId meetingId, MemberId memberId) {
        return Optional.ofNullable(mongo.findById(
                        AttendanceReplyDocument.idOf(meetingId, memberId), AttendanceReplyDocument.class))
                .map(AttendanceReplyDocument::toDomain);
    }

    @Override
    public List<AttendanceReply> ofMeeting(MeetingId meetingId) {
        // The meetingId index serves this in real MongoDB; a cell's roster bounds the result.
        return mongo
                .find(
                        Query.query(Criteria.where("meetingId").is(meetingId.toString()))
                                .with(Sort.by("_id")),
                        AttendanceReplyDocument.class)
                .stream()
                .map(AttendanceReplyDocument::toDomain)
                .toList();
    }

    @Override
    public void save(Change<AttendanceReply, AttendanceReplyEvent> change, long expectedVersion) {
        AttendanceReplyDocument document = AttendanceReplyDocument.from(change.state());
        if (expectedVersion == 0) {
            writer.insert(document, change);
        } else {
            writer.update(document, change, expectedVersion);
        }
    }
}
