package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** A cell's (chi bộ) identity, also used for the party groups (tổ đảng) kept beside cells. Stored and sent as the UUID's text. */
public record CellId(UUID value) {

    public CellId {
        Objects.requireNonNull(value, "CellId");
    }

    /** Parses the UUID text; anything else is an IllegalArgumentException. */
    public static CellId of(String value) {
        return new CellId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
