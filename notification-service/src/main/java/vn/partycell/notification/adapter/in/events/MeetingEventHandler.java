package vn.partycell.notification.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.MeetingNoticeReactions;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's events: a scheduled meeting becomes a typed call on the reactions, read
 * by field name (only what the notice says). Closed meetings and other types are not used here
 * (IGNORED): the absence notice comes from evaluation-service's count ({@link
 * EvaluationEventHandler}). A fact with nobody to tell is NO_EFFECT.
 */
@Component
public class MeetingEventHandler implements EventHandler {

    private final MeetingNoticeReactions reactions;

    public MeetingEventHandler(MeetingNoticeReactions reactions) {
        this.reactions = reactions;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        if (!event.envelope().type().equals(EventContracts.MEETING_SCHEDULED)) {
            return Outcome.IGNORED;
        }
        return EventChecks.outcome(
                reactions.onMeetingScheduled(scheduled(event.fields()), EventChecks.occurrence(event)));
    }

    static ScheduledMeeting scheduled(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        String title = d.text("title");
        var startsAt = d.instant("startsAt");
        String place = d.text("place");
        var agenda = d.texts("agenda");
        return d.valid(() -> new ScheduledMeeting(meetingId, cellId, orgPath, kind, title, startsAt, place, agenda));
    }
}
