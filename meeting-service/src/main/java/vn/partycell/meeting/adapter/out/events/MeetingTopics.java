package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.CancelledMeeting;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberMeetingFacts;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * How meeting-service's events look on the wire (contracts: meetings.meeting.*.v1.json). The Mongo
 * adapter receives this as the platform's {@link OutboxEventMapper}, so it never sees these records.
 */
@Component
public class MeetingTopics implements OutboxEventMapper<MeetingEvent> {

    public static final String MEETINGS = "meetings.meeting.v1";

    /**
     * Revision of MeetingClosed's data: 2 adds each member's self-criticism, commendations, criticisms,
     * votes cast and tasks assigned, all optional for a revision 1 consumer (schema major version 1);
     * 3 adds {@code recordedAfterwards} (who entered a meeting after it was held, and when; null for a
     * meeting run on the platform), so a figure counted from the meeting shows where it came from.
     */
    public static final int CLOSED_REVISION = 3;

    private final OutboundEvents events;

    public MeetingTopics(OutboundEvents events) {
        this.events = events;
    }

    public record ScheduledData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda,
            long version,
            String topic,
            List<AgendaItemData> agendaItems,
            String draftResolution) {}

    /** An agenda item with its presenter and planned minutes (null when not said); added in 1.x beside {@code agenda}. */
    public record AgendaItemData(String title, UUID presenterId, Long plannedMinutes) {

        static List<AgendaItemData> of(MeetingPlan plan) {
            return plan.agendaItems().stream()
                    .map(item -> new AgendaItemData(
                            item.title(),
                            item.presenter() == null ? null : item.presenter().value(),
                            item.plannedDuration() == null
                                    ? null
                                    : item.plannedDuration().toMinutes()))
                    .toList();
        }
    }

    /** The plan before a change, for the notice that says what moved. */
    public record PreviousPlanData(
            String title,
            String topic,
            Instant startsAt,
            String place,
            List<String> agenda,
            List<AgendaItemData> agendaItems,
            String draftResolution) {}

    public record RescheduledData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            String topic,
            Instant startsAt,
            String place,
            List<String> agenda,
            List<String> changed,
            PreviousPlanData previous,
            long version,
            List<AgendaItemData> agendaItems,
            String draftResolution) {}

    public record CancelledData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            String place,
            String reason,
            Instant cancelledAt,
            long version) {}

    public record AttendanceData(UUID memberId, String status, String reason, boolean spoke) {}

    /**
     * One member's line of MeetingClosed, revision 2: attendance as in revision 1, plus what else the
     * member did (the fields revision 1 consumers ignore).
     */
    public record ClosedAttendanceData(
            UUID memberId,
            String status,
            String reason,
            boolean spoke,
            boolean selfCriticised,
            int commendations,
            int criticisms,
            int votesCast,
            int tasksAssigned) {}

    public record QuorumData(int eligible, int present, int required) {}

    /** Who entered a meeting after it was held (from its paper minutes), and when. */
    public record RecordedData(String by, Instant at) {}

    public record ClosedData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            Instant closedAt,
            int year,
            int month,
            List<ClosedAttendanceData> attendance,
            QuorumData quorum,
            int revision,
            long version,
            RecordedData recordedAfterwards) {}

    @Override
    public OutboxEvent toOutbox(MeetingEvent event) {
        return switch (event) {
            case MeetingEvent.Scheduled s -> scheduled(s.meeting());
            case MeetingEvent.Closed c -> closed(c);
            case MeetingEvent.Rescheduled r -> rescheduled(r);
            case MeetingEvent.Cancelled c -> cancelled(c.meeting());
        };
    }

    private OutboxEvent scheduled(ScheduledMeeting m) {
        return events.create(
                MEETINGS,
                EventContracts.MEETING_SCHEDULED,
                m.id().toString(),
                m.orgPath(),
                new ScheduledData(
                        m.id().value(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        m.kind().name(),
                        m.title(),
                        m.startsAt(),
                        m.place(),
                        m.agenda(),
                        m.version(),
                        m.topic(),
                        AgendaItemData.of(m.plan()),
                        m.plan().draftResolution()));
    }

    private OutboxEvent rescheduled(MeetingEvent.Rescheduled r) {
        ScheduledMeeting m = r.meeting();
        MeetingPlan p = r.previous();
        return events.create(
                MEETINGS,
                EventContracts.MEETING_RESCHEDULED,
                m.id().toString(),
                m.orgPath(),
                new RescheduledData(
                        m.id().value(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        m.kind().name(),
                        m.title(),
                        m.topic(),
                        m.startsAt(),
                        m.place(),
                        m.agenda(),
                        r.changed(),
                        new PreviousPlanData(
                                p.title(),
                                p.topic(),
                                p.startsAt(),
                                p.place(),
                                p.agenda(),
                                AgendaItemData.of(p),
                                p.draftResolution()),
                        m.version(),
                        AgendaItemData.of(m.plan()),
                        m.plan().draftResolution()));
    }

    private OutboxEvent cancelled(CancelledMeeting m) {
        return events.create(
                MEETINGS,
                EventContracts.MEETING_CANCELLED,
                m.id().toString(),
                m.orgPath(),
                new CancelledData(
                        m.id().value(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        m.kind().name(),
                        m.title(),
                        m.startsAt(),
                        m.place(),
                        m.reason(),
                        m.cancelledAt(),
                        m.version()));
    }

    private OutboxEvent closed(MeetingEvent.Closed c) {
        ClosedMeeting m = c.meeting();
        return events.create(
                MEETINGS,
                EventContracts.MEETING_CLOSED,
                m.id().toString(),
                m.orgPath(),
                new ClosedData(
                        m.id().value(),
                        m.cellId().value(),
                        m.orgPath().value(),
                        m.kind().name(),
                        m.title(),
                        m.startsAt(),
                        m.closedAt(),
                        m.localStart().getYear(),
                        m.localStart().getMonthValue(),
                        m.attendanceList().stream()
                                .map(a -> {
                                    MemberMeetingFacts f = c.factsOf(a.memberId());
                                    return new ClosedAttendanceData(
                                            a.memberId().value(),
                                            a.status().name(),
                                            a.reason(),
                                            a.spoke() || f.spoke(),
                                            f.selfCriticised(),
                                            f.commendations(),
                                            f.criticisms(),
                                            f.votesCast(),
                                            f.tasksAssigned());
                                })
                                .toList(),
                        new QuorumData(
                                m.quorum().eligible(),
                                m.quorum().present(),
                                m.quorum().required()),
                        CLOSED_REVISION,
                        m.version(),
                        m.recorded() == null
                                ? null
                                : new RecordedData(
                                        m.recorded().by(), m.recorded().at())));
    }
}
