package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** A party member's (đảng viên) identity, as member-service assigns it. Stored and sent as the UUID's text. */
public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "MemberId");
    }

    /** Parses the UUID text; anything else is an IllegalArgumentException. */
    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
