package vn.partycell.meeting.adapter.out.mongo;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.MeetingGradeRepository;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Grades in MongoDB keyed by the meeting id; a grade and its event are one document write. */
@Repository
public class MongoMeetingGradeRepository implements MeetingGradeRepository {

    static final String COLLECTION = "meeting_grades";

    private final MongoTemplate mongo;
    private final AggregateWriter<MeetingGradeEvent> writer;

    public MongoMeetingGradeRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MeetingGradeEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<MeetingGrade> find(MeetingId meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId.toString(), MeetingGradeDocument.class))
                .map(MeetingGradeDocument::toDomain);
    }

    @Override
    public void insert(Change<MeetingGrade, MeetingGradeEvent> change) {
        try {
            writer.insert(MeetingGradeDocument.from(change.state()), change);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "meeting-already-graded",
                    "Buổi sinh hoạt đã được đánh giá; muốn thay đổi hãy ghi bản sửa kèm lý do");
        }
    }

    @Override
    public void update(Change<MeetingGrade, MeetingGradeEvent> change, long expectedVersion) {
        writer.update(MeetingGradeDocument.from(change.state()), change, expectedVersion);
    }
}
