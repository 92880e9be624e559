package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What an approved amendment of closed minutes (meetings.meeting.amended) changes in its cell's
 * period facts: the attended and speaker counts move by the difference between the corrected lines
 * after and before it. Applied once per amendment id; the attendance lines themselves (expected)
 * stay, since an amendment corrects only members of the minutes.
 */
public record AmendedMeetingFacts(
        MeetingId meetingId, CellId cellId, UUID amendmentId, LocalDate heldOn, int attendedDelta, int speakersDelta) {

    public AmendedMeetingFacts {
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(amendmentId);
        Objects.requireNonNull(heldOn);
    }

    public Period period(PeriodLength length) {
        return Period.containing(heldOn, length);
    }
}
