package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.TaskWaiverRepository;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.TaskWaiver;

/**
 * Reasons for giving no task ({@code task_waivers}), one document per meeting and member under
 * {@code <meetingId>:<memberId>}: recording it again replaces the reason. No event: the reason is
 * part of the meeting's conclusion, read on its task sheet.
 */
@Repository
public class MongoTaskWaivers implements TaskWaiverRepository {

    static final String COLLECTION = "task_waivers";

    private final MongoTemplate mongo;

    public MongoTaskWaivers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    public record WaiverDocument(
            @Id String id,
            @Indexed String meetingId,
            String memberId,
            String reason,
            String recordedBy,
            Instant recordedAt) {}

    @Override
    public void save(TaskWaiver w) {
        mongo.save(new WaiverDocument(
                w.meetingId() + ":" + w.memberId(),
                w.meetingId().toString(),
                w.memberId().toString(),
                w.reason(),
                w.recordedBy(),
                w.recordedAt()));
    }

    @Override
    public List<TaskWaiver> ofMeeting(MeetingId meetingId) {
        return mongo
                .find(
                        Query.query(Criteria.where("meetingId").is(meetingId.toString()))
                                .with(Sort.by("_id")),
                        WaiverDocument.class)
                .stream()
                .map(d -> new TaskWaiver(
                        MeetingId.of(d.meetingId()),
                        MemberId.of(d.memberId()),
                        d.reason(),
                        d.recordedBy(),
                        d.recordedAt()))
                .toList();
    }
}
