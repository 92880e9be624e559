package vn.partycell.meeting.domain;

/**
 * What a congress (đại hội chi bộ) elects: the secretary (bí thư), the deputy secretary (phó bí thư)
 * and the members of the cell committee (chi ủy viên). The names are member-service's elected roles,
 * which follow the published result.
 */
public enum CommitteeRole {
    SECRETARY,
    DEPUTY_SECRETARY,
    COMMITTEE_MEMBER;

    /** A secretary and a deputy are one person each; the committee has as many seats as the congress decides. */
    public boolean singleSeat() {
        return this != COMMITTEE_MEMBER;
    }
}
