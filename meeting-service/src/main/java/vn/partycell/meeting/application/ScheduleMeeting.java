package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingKind;

/** The command to schedule a meeting of a cell. */
public record ScheduleMeeting(
        CellId cellId, MeetingKind kind, String title, Instant startsAt, String place, List<String> agenda) {}
