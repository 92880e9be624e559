package vn.partycell.meeting.domain;

import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as a cell's roster needs them (danh sách đảng viên của chi bộ), copied from
 * member-service's events: who counts for quorum and who may vote.
 */
public record RosterMember(
        UUID memberId,
        UUID cellId,
        UUID partyGroupId,
        OrgPath orgPath,
        String fullName,
        String status,
        boolean exempted,
        long version) {

    /** Still in the cell: probationary or full. */
    public boolean isActive() {
        return "FULL".equals(status) || "PROBATIONARY".equals(status);
    }

    /** Counts toward quorum: a full member who is not exempted from activities. */
    public boolean countsForQuorum() {
        return "FULL".equals(status) && !exempted;
    }

    /** Only full members vote; probationary members may not. */
    public boolean mayVote() {
        return "FULL".equals(status);
    }
}
