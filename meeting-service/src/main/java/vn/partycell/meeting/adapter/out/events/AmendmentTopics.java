package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.AmendmentEvent;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/** Approved amendments on the wire (meetings.meeting.amended.v1.json), keyed by the meeting. */
@Component
public class AmendmentTopics implements OutboxEventMapper<AmendmentEvent> {

    private final OutboundEvents events;

    public AmendmentTopics(OutboundEvents events) {
        this.events = events;
    }

    public record CorrectionData(
            UUID memberId, MeetingTopics.AttendanceData before, MeetingTopics.AttendanceData after) {}

    public record AmendedData(
            UUID meetingId,
            UUID amendmentId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            int year,
            int month,
            List<CorrectionData> corrections,
            String reason,
            Instant approvedAt,
            long version) {}

    @Override
    public OutboxEvent toOutbox(AmendmentEvent event) {
        return switch (event) {
            case AmendmentEvent.Approved a -> amended(a.amendment(), a.meeting());
        };
    }

    private static MeetingTopics.AttendanceData line(Attendance a) {
        return new MeetingTopics.AttendanceData(a.memberId().value(), a.status().name(), a.reason(), a.spoke());
    }

    private OutboxEvent amended(Amendment a, ClosedMeeting m) {
        return events.create(
                MeetingTopics.MEETINGS,
                EventContracts.MEETING_AMENDED,
                m.id().toString(),
                m.orgPath(),
                new AmendedData(
                        m.id().value(),
                        a.id(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        m.kind().name(),
                        m.title(),
                        m.startsAt(),
                        m.localStart().getYear(),
                        m.localStart().getMonthValue(),
                        a.corrections().stream()
                                .map(c -> new CorrectionData(
                                        c.after().memberId().value(), line(c.before()), line(c.after())))
                                .toList(),
                        a.reason(),
                        a.decidedAt(),
                        a.version()));
    }
}
