package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.AgendaItem;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;

/**
 * The command to schedule a meeting of a cell, or only to draft it ({@code draft}: nobody is told
 * until it is scheduled). {@code topic} names the theme of a thematic meeting. The agenda comes as
 * titles ({@code agenda}, the former shape) or as {@code agendaItems} with presenters and planned
 * durations; {@code draftResolution} is the draft resolution prepared in advance.
 */
public record ScheduleMeeting(
        CellId cellId,
        MeetingKind kind,
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<String> agenda,
        boolean draft,
        List<AgendaItem> agendaItems,
        String draftResolution) {

    /** Titles only ({@code agenda}), no draft resolution. */
    public ScheduleMeeting(
            CellId cellId,
            MeetingKind kind,
            String title,
            String topic,
            Instant startsAt,
            String place,
            List<String> agenda,
            boolean draft) {
        this(cellId, kind, title, topic, startsAt, place, agenda, draft, null, null);
    }

    /** The former shape (no topic, scheduled at once). */
    public ScheduleMeeting(
            CellId cellId, MeetingKind kind, String title, Instant startsAt, String place, List<String> agenda) {
        this(cellId, kind, title, null, startsAt, place, agenda, false);
    }

    /** The agenda items when given, else the agenda's titles. */
    public MeetingPlan plan() {
        MeetingPlan titles = new MeetingPlan(kind, title, topic, startsAt, place, agenda);
        return agendaItems == null
                ? new MeetingPlan(kind, title, topic, startsAt, place, titles.agendaItems(), draftResolution)
                : new MeetingPlan(kind, title, topic, startsAt, place, agendaItems, draftResolution);
    }
}
