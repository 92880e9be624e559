package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;

/**
 * The command to schedule a meeting of a cell, or only to draft it ({@code draft}: nobody is told
 * until it is scheduled). {@code topic} names the theme of a thematic meeting.
 */
public record ScheduleMeeting(
        CellId cellId,
        MeetingKind kind,
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<String> agenda,
        boolean draft) {

    /** The former shape (no topic, scheduled at once). */
    public ScheduleMeeting(
            CellId cellId, MeetingKind kind, String title, Instant startsAt, String place, List<String> agenda) {
        this(cellId, kind, title, null, startsAt, place, agenda, false);
    }

    public MeetingPlan plan() {
        return new MeetingPlan(kind, title, topic, startsAt, place, agenda);
    }
}
