package vn.partycell.notification.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.MeetingNoticeReactions;
import vn.partycell.notification.application.TaskNoticeReactions;
import vn.partycell.notification.domain.CancelledMeeting;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.ExcuseDecision;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingChange;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.ScheduledMeeting;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's events: a scheduled, changed or cancelled meeting and a decided excuse
 * become typed calls on the reactions, read by field name (only what the notice says). Closed meetings and other types are not used here
 * (IGNORED): the absence notice comes from evaluation-service's count ({@link
 * EvaluationEventHandler}). A fact with nobody to tell is NO_EFFECT.
 */
@Component
public class MeetingEventHandler implements EventHandler {

    private final MeetingNoticeReactions reactions;
    private final TaskNoticeReactions tasks;

    public MeetingEventHandler(MeetingNoticeReactions reactions, TaskNoticeReactions tasks) {
        this.reactions = reactions;
        this.tasks = tasks;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        String type = event.envelope().type();
        if (type.equals(EventContracts.MEETING_SCHEDULED)) {
            ScheduledMeeting meeting = scheduled(event.fields());
            // Remembered first, so the notices of the tasks assigned at it can name it.
            tasks.onMeetingPlanned(known(meeting, event.fields().positiveLong("version")));
            return EventChecks.outcome(reactions.onMeetingScheduled(meeting, EventChecks.occurrence(event)));
        }
        if (type.equals(EventContracts.MEETING_RESCHEDULED)) {
            MeetingChange change = changed(event.fields());
            tasks.onMeetingPlanned(known(change.meeting(), change.version()));
            return EventChecks.outcome(reactions.onMeetingChanged(change, EventChecks.occurrence(event)));
        }
        if (type.equals(EventContracts.MEETING_CANCELLED)) {
            return EventChecks.outcome(
                    reactions.onMeetingCancelled(cancelled(event.fields()), EventChecks.occurrence(event)));
        }
        if (type.equals(EventContracts.MEETING_EXCUSE_DECIDED)) {
            return EventChecks.outcome(
                    reactions.onExcuseDecided(excuseDecided(event.fields()), EventChecks.occurrence(event)));
        }
        return Outcome.IGNORED;
    }

    private static KnownMeeting known(ScheduledMeeting meeting, long version) {
        return new KnownMeeting(meeting.meetingId(), meeting.title(), meeting.startsAt(), version);
    }

    static MeetingChange changed(EventFields d) {
        ScheduledMeeting meeting = scheduled(d);
        var changed = d.texts("changed");
        long version = d.positiveLong("version");
        return d.valid(() -> new MeetingChange(meeting, changed, version));
    }

    static CancelledMeeting cancelled(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        String title = d.text("title");
        var startsAt = d.instant("startsAt");
        String reason = d.text("reason");
        long version = d.positiveLong("version");
        return d.valid(() -> new CancelledMeeting(meetingId, cellId, orgPath, kind, title, startsAt, reason, version));
    }

    static ExcuseDecision excuseDecided(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        MemberId memberId = new MemberId(d.uuid("memberId"));
        var orgPath = d.orgPath("orgPath");
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        String title = d.text("title");
        var startsAt = d.instant("startsAt");
        boolean accepted = d.bool("accepted");
        String reason = d.text("reason");
        String note = d.optionalText("note").orElse(null);
        return d.valid(
                () -> new ExcuseDecision(meetingId, memberId, orgPath, kind, title, startsAt, accepted, reason, note));
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
