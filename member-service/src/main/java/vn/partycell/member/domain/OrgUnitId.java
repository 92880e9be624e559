package vn.partycell.member.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a node of the org tree (tổ chức đảng). A cell (chi bộ) and a party group (tổ đảng) are
 * org units too and are addressed by this id; on the wire and in the store it is the bare UUID.
 */
public record OrgUnitId(UUID value) {

    public OrgUnitId {
        Objects.requireNonNull(value, "value");
    }

    public static OrgUnitId of(UUID value) {
        return new OrgUnitId(value);
    }

    /** Parses the UUID text form; anything else is an {@link IllegalArgumentException}. */
    public static OrgUnitId of(String value) {
        return new OrgUnitId(UUID.fromString(value));
    }

    public static OrgUnitId random() {
        return new OrgUnitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
