package vn.partycell.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** An org node's identity (a cell or a committee), as member-service publishes it. */
public record OrgUnitId(UUID value) {

    public OrgUnitId {
        Objects.requireNonNull(value, "OrgUnitId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
