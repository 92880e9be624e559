package vn.partycell.evaluation.adapter.in.events;

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
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's events: only meetings.meeting.closed is used, and of it only the fields a
 * scorecard needs, by name (closedAt, quorum, reasons, version and whatever a newer producer adds
 * are not read). Data the contract forbids (a missing field, an unknown kind or status, a month
 * that is not the month of startsAt in Viet Nam, a member listed twice, an invalid org path) can
 * never be scored: it is poison and goes to the dead-letter topic without retries.
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
        return outcome(projection.onMeetingClosed(closedMeeting(event.fields())));
    }

    static Outcome outcome(Effect effect) {
        return switch (effect) {
            case APPLIED -> Outcome.APPLIED;
            case DUPLICATE -> Outcome.DUPLICATE;
        };
    }

    static ClosedMeeting closedMeeting(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        String title = d.text("title");
        var startsAt = d.instant("startsAt");
        int year = d.integer("year");
        int month = d.integer("month");
        var attendance = d.objects(
                "attendance",
                a -> new ClosedMeeting.Attendance(
                        new MemberId(a.uuid("memberId")),
                        a.enumValue("status", AttendanceStatus.class),
                        a.bool("spoke")));
        return d.valid(
                () -> new ClosedMeeting(meetingId, cellId, orgPath, kind, title, startsAt, year, month, attendance));
    }
}
