package vn.partycell.notification.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.AbsenceNoticeReactions;
import vn.partycell.notification.domain.CountedAbsence;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.RemovalReviewLevel;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads evaluation-service's scorecard facts: an unexcused absence counted on a scorecard becomes
 * the absence notice, quoting the figures and the year's threshold the fact carries (read by field
 * name: only what the notice says). Other types are not used here (IGNORED).
 */
@Component
public class EvaluationEventHandler implements EventHandler {

    private final AbsenceNoticeReactions reactions;

    public EvaluationEventHandler(AbsenceNoticeReactions reactions) {
        this.reactions = reactions;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        if (!event.envelope().type().equals(EventContracts.ABSENCE_COUNTED)) {
            return Outcome.IGNORED;
        }
        return EventChecks.outcome(reactions.onAbsenceCounted(absence(event.fields()), EventChecks.occurrence(event)));
    }

    static CountedAbsence absence(EventFields d) {
        MemberId memberId = new MemberId(d.uuid("memberId"));
        int year = d.integer("year");
        var orgPath = d.orgPath("orgPath");
        EventFields meeting = d.object("meeting");
        MeetingId meetingId = new MeetingId(meeting.uuid("meetingId"));
        MeetingKind kind = meeting.enumValue("kind", MeetingKind.class);
        String title = meeting.text("title");
        var startsAt = meeting.instant("startsAt");
        var months = d.integers("unexcusedAbsenceMonths");
        int warningMonths = d.integer("warningMonths");
        int reviewMonths = d.integer("reviewMonths");
        RemovalReviewLevel level = d.enumValue("removalReview", RemovalReviewLevel.class);
        return d.valid(() -> new CountedAbsence(
                memberId, year, orgPath, meetingId, kind, title, startsAt, months, warningMonths, reviewMonths, level));
    }
}
