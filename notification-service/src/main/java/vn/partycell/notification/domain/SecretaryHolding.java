package vn.partycell.notification.domain;

import java.util.Objects;

/**
 * Who is the secretary (bí thư) of an org node, as member-service's role events tell it: the holder
 * of the current assignment, or nobody once it ended ({@code memberId} null). {@code version} is the
 * node's version after the change, so a newer event wins.
 */
public record SecretaryHolding(OrgUnitId unitId, MemberId memberId, String assignmentId, long version) {

    public SecretaryHolding {
        Objects.requireNonNull(unitId);
        Objects.requireNonNull(assignmentId);
    }
}
