package vn.partycell.member.domain;

import java.util.Objects;
import java.util.UUID;

/** Identifies a party member (đảng viên); on the wire and in the store it is the bare UUID. */
public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberId of(UUID value) {
        return new MemberId(value);
    }

    /** Parses the UUID text form; anything else is an {@link IllegalArgumentException}. */
    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
