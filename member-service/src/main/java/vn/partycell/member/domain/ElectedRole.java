package vn.partycell.member.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Elected roles on a node: secretary (bí thư), deputy secretary (phó bí thư), committee member (cấp
 * ủy viên / chi ủy viên) on a cell or committee; party-group leader (tổ trưởng tổ đảng) on a group.
 */
public enum ElectedRole {
    SECRETARY,
    DEPUTY_SECRETARY,
    COMMITTEE_MEMBER,
    PARTY_GROUP_LEADER;

    /** The kinds of node this role is elected in. */
    public Set<OrgUnitKind> heldIn() {
        return this == PARTY_GROUP_LEADER
                ? EnumSet.of(OrgUnitKind.PARTY_GROUP)
                : EnumSet.of(OrgUnitKind.PROVINCE, OrgUnitKind.COMMITTEE, OrgUnitKind.GRASSROOTS, OrgUnitKind.CELL);
    }

    /** Roles only one person holds at a time on one node. */
    public boolean single() {
        return this == SECRETARY || this == PARTY_GROUP_LEADER;
    }
}
