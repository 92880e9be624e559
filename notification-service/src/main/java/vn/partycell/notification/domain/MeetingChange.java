package vn.partycell.notification.domain;

import java.util.List;
import java.util.Objects;

/**
 * A scheduled meeting changed after its notice (meetings.meeting.rescheduled): the meeting as it now
 * stands, what changed, and the version of the change (a later change has a higher one).
 */
public record MeetingChange(ScheduledMeeting meeting, List<String> changed, long version) {

    public MeetingChange {
        Objects.requireNonNull(meeting, "meeting");
        changed = List.copyOf(changed);
    }
}
