package vn.partycell.evaluation.adapter.in.events;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.application.CellGradeProjection;
import vn.partycell.evaluation.application.Effect;
import vn.partycell.evaluation.application.ScorecardProjection;
import vn.partycell.evaluation.domain.AmendedMeeting;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.GradedMeeting;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RecordedAfterwards;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's events: meetings.meeting.closed and meetings.meeting.amended (an approved
 * correction of closed minutes) for the scorecards, meetings.meeting.graded (the superior's grade)
 * for the cell's facts; of each only the fields used, by name (closedAt, quorum, reasons, comments,
 * version and whatever a newer producer adds are not read). Data the contract forbids (a missing field, an unknown kind or status, a month
 * that is not the month of startsAt in Viet Nam, a member listed twice, an invalid org path) can
 * never be scored: it is poison and goes to the dead-letter topic without retries.
 */
@Component
public class MeetingEventHandler implements EventHandler {

    private final ScorecardProjection projection;
    private final CellGradeProjection grades;

    public MeetingEventHandler(ScorecardProjection projection, CellGradeProjection grades) {
        this.projection = projection;
        this.grades = grades;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        return switch (event.envelope().type()) {
            case EventContracts.MEETING_CLOSED -> outcome(projection.onMeetingClosed(closedMeeting(event.fields())));
            case EventContracts.MEETING_AMENDED -> outcome(projection.onMeetingAmended(amendedMeeting(event.fields())));
            case EventContracts.MEETING_GRADED -> outcome(grades.onMeetingGraded(gradedMeeting(event.fields())));
            default -> Outcome.IGNORED;
        };
    }

    static AmendedMeeting amendedMeeting(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        UUID amendmentId = d.uuid("amendmentId");
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        String title = d.text("title");
        var startsAt = d.instant("startsAt");
        int year = d.integer("year");
        int month = d.integer("month");
        var approvedAt = d.instant("approvedAt");
        var lines = d.objects("corrections", c -> {
            EventFields before = c.object("before");
            EventFields after = c.object("after");
            return new AmendedMeeting.Line(
                    new MemberId(c.uuid("memberId")),
                    before.enumValue("status", AttendanceStatus.class),
                    before.bool("spoke"),
                    after.enumValue("status", AttendanceStatus.class),
                    after.bool("spoke"));
        });
        return d.valid(() -> new AmendedMeeting(
                meetingId, amendmentId, cellId, orgPath, kind, title, startsAt, year, month, approvedAt, lines));
    }

    static GradedMeeting gradedMeeting(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        int year = d.integer("year");
        int month = d.integer("month");
        int revision = d.integer("revision");
        String grade = d.text("grade");
        String label = d.text("label");
        List<String> scale = d.texts("scale");
        boolean attended = d.bool("attended");
        var gradedAt = d.instant("gradedAt");
        return d.valid(() -> new GradedMeeting(
                meetingId, cellId, orgPath, year, month, revision, grade, label, scale, attended, gradedAt));
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
        // Revision 3: set when the meeting was entered after it was held; missing or null otherwise.
        RecordedAfterwards recorded = d.optionalObject("recordedAfterwards")
                .map(r -> {
                    String by = r.text("by");
                    var at = r.instant("at");
                    return r.valid(() -> new RecordedAfterwards(by, at));
                })
                .orElse(null);
        return d.valid(() -> new ClosedMeeting(
                meetingId, cellId, orgPath, kind, title, startsAt, year, month, attendance, recorded));
    }
}
