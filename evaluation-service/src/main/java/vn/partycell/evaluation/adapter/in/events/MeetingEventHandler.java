package vn.partycell.evaluation.adapter.in.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.application.Effect;
import vn.partycell.evaluation.application.ScorecardProjection;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Reads meeting-service's events: only meetings.meeting.closed is used. Data the contract forbids
 * (a missing field, an unknown kind or status, a month that is not the month of startsAt in Viet
 * Nam, a member listed twice, an invalid org path) can never be scored: it is poison and goes to
 * the dead-letter topic without retries.
 */
@Component
public class MeetingEventHandler implements EventHandler {

    private final ScorecardProjection projection;

    public MeetingEventHandler(ScorecardProjection projection) {
        this.projection = projection;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        if (!EventContracts.MEETING_CLOSED.equals(event.envelope().type())) {
            return Outcome.IGNORED;
        }
        ClosedMeeting meeting = closedMeeting(
                event.data(MeetingClosedData.class), event.envelope().id());
        return outcome(projection.onMeetingClosed(meeting));
    }

    static Outcome outcome(Effect effect) {
        return switch (effect) {
            case APPLIED -> Outcome.APPLIED;
            case DUPLICATE -> Outcome.DUPLICATE;
        };
    }

    static ClosedMeeting closedMeeting(MeetingClosedData d, String eventId) {
        if (d.meetingId() == null
                || d.cellId() == null
                || d.orgPath() == null
                || d.kind() == null
                || d.title() == null
                || d.startsAt() == null
                || d.year() == null
                || d.month() == null
                || d.attendance() == null) {
            throw poison(
                    eventId, "lacks one of meetingId, cellId, orgPath, kind, title, startsAt, year, month, attendance");
        }
        List<ClosedMeeting.Attendance> lines = new ArrayList<>();
        for (MeetingClosedData.Attendance a : d.attendance()) {
            if (a == null || a.memberId() == null || a.status() == null || a.spoke() == null) {
                throw poison(eventId, "has an attendance entry without memberId, status or spoke");
            }
            lines.add(new ClosedMeeting.Attendance(
                    new MemberId(a.memberId()), parse(AttendanceStatus.class, a.status(), eventId), a.spoke()));
        }
        OrgPath path;
        try {
            path = OrgPath.of(d.orgPath());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + eventId + " has an invalid orgPath " + d.orgPath(), e);
        }
        try {
            return new ClosedMeeting(
                    new MeetingId(d.meetingId()),
                    new CellId(d.cellId()),
                    path,
                    parse(MeetingKind.class, d.kind(), eventId),
                    d.title(),
                    d.startsAt(),
                    d.year(),
                    d.month(),
                    lines);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + eventId + " " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String eventId) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw poison(eventId, "has an unknown " + type.getSimpleName() + " " + value);
        }
    }

    private static PoisonEventException poison(String eventId, String why) {
        return new PoisonEventException("Event " + eventId + " " + why);
    }
}
