package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.AttendanceReplyEvent;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/** Excuse decisions on the wire (meetings.meeting.excuse-decided.v1.json), keyed by the meeting. */
@Component
public class AttendanceReplyTopics implements OutboxEventMapper<AttendanceReplyEvent> {

    private final OutboundEvents events;

    public AttendanceReplyTopics(OutboundEvents events) {
        this.events = events;
    }

    public record ExcuseDecidedData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            UUID memberId,
            String kind,
            String title,
            Instant startsAt,
            boolean accepted,
            String reason,
            String note,
            Instant decidedAt,
            long version) {}

    @Override
    public OutboxEvent toOutbox(AttendanceReplyEvent event) {
        return switch (event) {
            case AttendanceReplyEvent.ExcuseDecided d -> decided(d.reply(), d.meeting());
        };
    }

    private OutboxEvent decided(AttendanceReply r, Meeting m) {
        return events.create(
                MeetingTopics.MEETINGS,
                EventContracts.MEETING_EXCUSE_DECIDED,
                m.id().toString(),
                m.orgPath(),
                new ExcuseDecidedData(
                        m.id().value(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        r.memberId().value(),
                        m.kind().name(),
                        m.title(),
                        m.startsAt(),
                        r.answer() == AttendanceReply.Answer.EXCUSE_ACCEPTED,
                        r.reason(),
                        r.decisionNote(),
                        r.decidedAt(),
                        r.version()));
    }
}
