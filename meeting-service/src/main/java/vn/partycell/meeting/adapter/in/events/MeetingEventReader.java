package vn.partycell.meeting.adapter.in.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.application.ComplianceProjection;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.RosterUpdate;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.PeriodGrade;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Reads meeting-service's own meeting events back from its topic into the compliance read model,
 * by field name: {@code closed} (the kind, the local day and the attendance lines: attended is
 * present or late; speakers), {@code amended} (the corrected lines before and after), {@code graded}
 * (the grade and its place on the scale) and {@code cancelled} (un-counted if counted). Other meeting
 * events are ignored.
 */
@Component
public class MeetingEventReader {

    private final ComplianceProjection compliance;

    public MeetingEventReader(ComplianceProjection compliance) {
        this.compliance = compliance;
    }

    public Outcome onMeetingEvent(InboundEvent event) {
        Occurrence occurrence = new Occurrence(event.envelope().id());
        return switch (event.envelope().type()) {
            case EventContracts.MEETING_CLOSED -> closed(event);
            case EventContracts.MEETING_AMENDED ->
                outcome(compliance.onMeetingAmended(amended(event.fields()), occurrence));
            case EventContracts.MEETING_GRADED ->
                outcome(compliance.onMeetingGraded(graded(event.fields()), occurrence));
            case EventContracts.MEETING_CANCELLED -> {
                EventFields d = event.fields();
                MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
                CellId cellId = new CellId(d.uuid("cellId"));
                LocalDate heldOn = VietnamTime.date(d.instant("startsAt"));
                yield outcome(compliance.onMeetingCancelled(meetingId, cellId, heldOn, occurrence));
            }
            default -> Outcome.IGNORED;
        };
    }

    /** The attended and speaker counts move by the corrected lines' after minus before. */
    private static AmendedMeetingFacts amended(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        UUID amendmentId = d.uuid("amendmentId");
        LocalDate heldOn = VietnamTime.date(d.instant("startsAt"));
        List<int[]> deltas = d.objects("corrections", c -> {
            Line before = line(c.object("before"));
            Line after = line(c.object("after"));
            return new int[] {
                (after.status().attended() ? 1 : 0) - (before.status().attended() ? 1 : 0),
                (after.spoke() ? 1 : 0) - (before.spoke() ? 1 : 0)
            };
        });
        int attended = deltas.stream().mapToInt(x -> x[0]).sum();
        int speakers = deltas.stream().mapToInt(x -> x[1]).sum();
        return d.valid(() -> new AmendedMeetingFacts(meetingId, cellId, amendmentId, heldOn, attended, speakers));
    }

    /** The grade's place on the scale the event carries (best first): the list sorts by it. */
    private static PeriodGrade graded(EventFields d) {
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        int year = d.integer("year");
        int month = d.integer("month");
        int revision = d.integer("revision");
        String grade = d.text("grade");
        List<String> scale = d.texts("scale");
        return d.valid(() -> {
            if (!scale.contains(grade)) {
                throw new IllegalArgumentException("grade " + grade + " is not on the scale " + scale);
            }
            return new PeriodGrade(meetingId, cellId, year, month, revision, grade, scale.indexOf(grade));
        });
    }

    private static Line line(EventFields a) {
        // A status added after this reader was written is not counted as attended.
        return new Line(a.knownEnum("status", AttendanceStatus.class).orElse(AttendanceStatus.ABSENT), a.bool("spoke"));
    }

    private static Outcome outcome(RosterUpdate update) {
        return switch (update) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_CURRENT -> Outcome.DUPLICATE;
            case NOT_KEPT -> Outcome.NO_EFFECT;
        };
    }

    private Outcome closed(InboundEvent event) {
        EventFields d = event.fields();
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        MeetingKind kind = d.enumValue("kind", MeetingKind.class);
        List<Line> lines = d.objects(
                "attendance", // A status added after this reader was written is not counted as attended.
                a -> new Line(
                        a.knownEnum("status", AttendanceStatus.class).orElse(AttendanceStatus.ABSENT),
                        a.bool("spoke")));
        int attended = (int) lines.stream().filter(l -> l.status().attended()).count();
        int speakers = (int) lines.stream().filter(Line::spoke).count();
        ClosedMeetingFacts facts = d.valid(() -> new ClosedMeetingFacts(
                meetingId, cellId, kind, VietnamTime.date(d.instant("startsAt")), lines.size(), attended, speakers));
        return switch (compliance.onMeetingClosed(
                facts, new Occurrence(event.envelope().id()))) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_CURRENT -> Outcome.DUPLICATE;
            case NOT_KEPT -> Outcome.NO_EFFECT;
        };
    }

    private record Line(AttendanceStatus status, boolean spoke) {}
}
