package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.GradeRecord;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * The wire shape of the superior's grade (contract meetings.meeting.graded.v1.json) on the meetings
 * topic, keyed by the meeting id like the meeting's other events; {@code version} is the grade's own.
 */
@Component
public class MeetingGradeTopics implements OutboxEventMapper<MeetingGradeEvent> {

    private final OutboundEvents events;

    public MeetingGradeTopics(OutboundEvents events) {
        this.events = events;
    }

    public record GradedData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            int year,
            int month,
            int revision,
            String grade,
            String label,
            List<String> scale,
            String comment,
            boolean attended,
            String gradedBy,
            UUID gradedByMemberId,
            Instant gradedAt,
            String correctionReason,
            long version) {}

    @Override
    public OutboxEvent toOutbox(MeetingGradeEvent event) {
        return switch (event) {
            case MeetingGradeEvent.Graded g -> graded(g.grade());
        };
    }

    private OutboxEvent graded(MeetingGrade g) {
        GradeRecord r = g.current();
        return events.create(
                MeetingTopics.MEETINGS,
                EventContracts.MEETING_GRADED,
                g.meetingId().toString(),
                g.orgPath(),
                new GradedData(
                        g.meetingId().value(),
                        g.cellId().value(),
                        g.orgPath().value(),
                        g.month().getYear(),
                        g.month().getMonthValue(),
                        r.revision(),
                        r.grade().code(),
                        r.grade().label(),
                        r.scale(),
                        r.comment(),
                        r.attended(),
                        r.gradedBy(),
                        r.gradedByMemberId() == null ? null : UUID.fromString(r.gradedByMemberId()),
                        r.gradedAt(),
                        r.correctionReason(),
                        g.version()));
    }
}
