package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A meeting as task notices name it (its title and start), remembered from meeting-service's
 * scheduled and rescheduled events; task events carry only the meeting's id.
 */
public record KnownMeeting(MeetingId meetingId, String title, Instant startsAt, long version) {

    public KnownMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
