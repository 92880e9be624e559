package vn.partycell.platform.events.consumerapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Keeps one document per closed meeting, keyed by the meeting id, so a redelivery is a duplicate;
 * counts how often each meeting was applied, so a test can tell "exactly once".
 */
@Component
public class ClosedMeetings {

    public static final String COLLECTION = "closed_meetings";

    record ClosedMeetingData(String meetingId, String title, long version) {}

    private final MongoTemplate mongo;
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    public ClosedMeetings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Outcome on(InboundEvent event) {
        if (!"meetings.meeting.closed".equals(event.envelope().type())) {
            return Outcome.IGNORED;
        }
        ClosedMeetingData data = event.data(ClosedMeetingData.class);
        // Titles that make the use case refuse the event, as a domain would.
        if (data.title().startsWith("Không có chi bộ")) {
            throw new NotFoundException("cell", data.meetingId());
        }
        if (data.title().startsWith("Đã kết thúc")) {
            throw new RuleViolationException("meeting-closed", "Meeting " + data.meetingId() + " is already final");
        }
        try {
            mongo.insert(
                    new Document("_id", data.meetingId())
                            .append("eventId", event.envelope().id())
                            .append("title", data.title())
                            .append("version", data.version()),
                    COLLECTION);
        } catch (DuplicateKeyException e) {
            return Outcome.DUPLICATE;
        }
        applied.computeIfAbsent(data.meetingId(), id -> new AtomicInteger()).incrementAndGet();
        return Outcome.APPLIED;
    }

    /** How many times the meeting was applied (0 when never). */
    public int timesApplied(String meetingId) {
        AtomicInteger count = applied.get(meetingId);
        return count == null ? 0 : count.get();
    }
}
