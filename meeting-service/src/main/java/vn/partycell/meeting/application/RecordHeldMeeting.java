package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.AgendaItem;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;

/**
 * The command to enter a meeting a cell already held, from its paper minutes (ghi nhận sau): what
 * it was held with, as {@link ScheduleMeeting} has it, and a start that is over.
 */
public record RecordHeldMeeting(
        CellId cellId,
        MeetingKind kind,
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<String> agenda,
        List<AgendaItem> agendaItems,
        String draftResolution) {

    /** The agenda items when given, else the agenda's titles. */
    public MeetingPlan plan() {
        return new ScheduleMeeting(
                        cellId, kind, title, topic, startsAt, place, agenda, false, agendaItems, draftResolution)
                .plan();
    }
}
