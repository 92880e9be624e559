package vn.partycell.meeting.adapter.in.events;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.application.ComplianceProjection;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Reads meeting-service's own {@code meetings.meeting.closed} back from its topic into the
 * compliance read model: the kind, the local day and the attendance lines (attended: present or
 * late; speakers), by field name. Other meeting events are ignored.
 */
@Component
public class MeetingEventReader {

    private final ComplianceProjection compliance;

    public MeetingEventReader(ComplianceProjection compliance) {
        this.compliance = compliance;
    }

    public Outcome onMeetingEvent(InboundEvent event) {
        if (!event.envelope().type().equals(EventContracts.MEETING_CLOSED)) {
            return Outcome.IGNORED;
        }
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
