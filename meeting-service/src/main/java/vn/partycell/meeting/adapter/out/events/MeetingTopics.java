package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;

/** How meeting-service's events look on the wire (contracts: meetings.meeting.*.v1.json). */
public final class MeetingTopics {

    public static final String MEETINGS = "meetings.meeting.v1";

    private MeetingTopics() {}

    public record ScheduledData(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda,
            long version) {}

    public record AttendanceData(UUID memberId, String status, String reason, boolean spoke) {}

    public record QuorumData(int eligible, int present, int required) {}

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
            List<AttendanceData> attendance,
            QuorumData quorum,
            long version) {}

    public static OutboxEvent toOutbox(OutboundEvents events, MeetingEvent event) {
        Meeting m = event.meeting();
        return switch (event) {
            case MeetingEvent.Scheduled s ->
                events.create(
                        MEETINGS,
                        EventContracts.MEETING_SCHEDULED,
                        m.id().toString(),
                        m.orgPath(),
                        new ScheduledData(
                                m.id(),
                                m.cellId(),
                                m.orgPath().value(),
                                m.kind().name(),
                                m.title(),
                                m.startsAt(),
                                m.place(),
                                m.agenda(),
                                m.version()));
            case MeetingEvent.Closed c ->
                events.create(
                        MEETINGS,
                        EventContracts.MEETING_CLOSED,
                        m.id().toString(),
                        m.orgPath(),
                        new ClosedData(
                                m.id(),
                                m.cellId(),
                                m.orgPath().value(),
                                m.kind().name(),
                                m.title(),
                                m.startsAt(),
                                m.closedAt(),
                                m.localStart().getYear(),
                                m.localStart().getMonthValue(),
                                m.attendanceList().stream()
                                        .map(a -> new AttendanceData(
                                                a.memberId(), a.status().name(), a.reason(), a.spoke()))
                                        .toList(),
                                new QuorumData(
                                        m.quorum().eligible(),
                                        m.quorum().present(),
                                        m.quorum().required()),
                                m.version()));
        };
    }
}
