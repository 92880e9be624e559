package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** An org node's identity where its kind does not matter (a cell's parent, a member's party group). Stored and sent as the UUID's text. */
public record OrgUnitId(UUID value) {

    public OrgUnitId {
        Objects.requireNonNull(value, "OrgUnitId");
    }

    /** Parses the UUID text; anything else is an IllegalArgumentException. */
    public static OrgUnitId of(String value) {
        return new OrgUnitId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
