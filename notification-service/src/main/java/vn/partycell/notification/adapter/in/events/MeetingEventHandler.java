package vn.partycell.notification.adapter.in.events;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.MeetingNoticeReactions;
import vn.partycell.notification.domain.AttendanceStatus;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.ClosedMeeting;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/**
 * Reads meeting-service's events: scheduled and closed meetings become typed calls on the
 * reactions; other types are not used here (IGNORED). A fact with nobody to tell is NO_EFFECT.
 */
@Component
public class MeetingEventHandler implements EventHandler {

    private final MeetingNoticeReactions reactions;

    public MeetingEventHandler(MeetingNoticeReactions reactions) {
        this.reactions = reactions;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        String type = event.envelope().type();
        if (type.equals(EventContracts.MEETING_SCHEDULED)) {
            return EventChecks.outcome(reactions.onMeetingScheduled(scheduled(event), EventChecks.occurrence(event)));
        }
        if (type.equals(EventContracts.MEETING_CLOSED)) {
            return EventChecks.outcome(reactions.onMeetingClosed(closed(event), EventChecks.occurrence(event)));
        }
        return Outcome.IGNORED;
    }

    private static ScheduledMeeting scheduled(InboundEvent event) {
        EventData.MeetingScheduled d = event.data(EventData.MeetingScheduled.class);
        String id = event.envelope().id();
        return EventChecks.valid(
                event,
                () -> new ScheduledMeeting(
                        new MeetingId(EventChecks.required(d.meetingId(), "meetingId")),
                        new CellId(EventChecks.required(d.cellId(), "cellId")),
                        EventChecks.path(id, d.orgPath()),
                        EventChecks.parse(MeetingKind.class, d.kind()),
                        d.title(),
                        d.startsAt(),
                        d.place(),
                        d.agenda()));
    }

    private static ClosedMeeting closed(InboundEvent event) {
        EventData.MeetingClosed d = event.data(EventData.MeetingClosed.class);
        String id = event.envelope().id();
        if (d.year() == null) {
            throw new PoisonEventException("Event " + id + " lacks year");
        }
        return EventChecks.valid(
                event,
                () -> new ClosedMeeting(
                        new MeetingId(EventChecks.required(d.meetingId(), "meetingId")),
                        new CellId(EventChecks.required(d.cellId(), "cellId")),
                        EventChecks.path(id, d.orgPath()),
                        EventChecks.parse(MeetingKind.class, d.kind()),
                        d.title(),
                        d.startsAt(),
                        d.year(),
                        d.attendance() == null
                                ? List.of()
                                : d.attendance().stream()
                                        .map(a -> new ClosedMeeting.Attendance(
                                                new MemberId(EventChecks.required(a.memberId(), "attendance.memberId")),
                                                EventChecks.parse(AttendanceStatus.class, a.status())))
                                        .toList()));
    }
}
