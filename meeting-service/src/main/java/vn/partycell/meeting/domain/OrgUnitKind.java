package vn.partycell.meeting.domain;

/**
 * Kinds of org node as member-service publishes them (contract {@code orgUnitKind}): province
 * committee (tỉnh ủy), superior committee, grassroots committee (đảng bộ cơ sở), cell (chi bộ),
 * party group (tổ đảng).
 */
public enum OrgUnitKind {
    PROVINCE,
    COMMITTEE,
    GRASSROOTS,
    CELL,
    PARTY_GROUP;

    /** Members belong to cells and their party groups: the only nodes this service keeps. */
    public boolean holdsMembers() {
        return this == CELL || this == PARTY_GROUP;
    }
}
