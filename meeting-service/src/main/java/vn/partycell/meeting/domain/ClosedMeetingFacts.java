package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What one closed meeting adds to its cell's period facts: its kind, the local day it was held on,
 * how many members had an attendance line ({@code expected}), how many of them attended (present
 * or late) and how many spoke.
 */
public record ClosedMeetingFacts(
        MeetingId meetingId,
        CellId cellId,
        MeetingKind kind,
        LocalDate heldOn,
        int expected,
        int attended,
        int speakers) {

    public ClosedMeetingFacts {
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(heldOn);
        if (expected < 0 || attended < 0 || speakers < 0 || attended > expected || speakers > attended) {
            throw new IllegalArgumentException("inconsistent facts: expected %d, attended %d, speakers %d"
                    .formatted(expected, attended, speakers));
        }
    }

    public Period period(PeriodLength length) {
        return Period.containing(heldOn, length);
    }
}
