package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** A meeting's identity. Stored and sent as the UUID's text. */
public record MeetingId(UUID value) {

    public static MeetingId random() {
        return new MeetingId(UUID.randomUUID());
    }

    public MeetingId {
        Objects.requireNonNull(value, "MeetingId");
    }

    /** Parses the UUID text; anything else is an IllegalArgumentException. */
    public static MeetingId of(String value) {
        return new MeetingId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
