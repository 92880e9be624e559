package vn.partycell.meeting.domain;

import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as a cell's roster needs them (danh sách đảng viên của chi bộ), copied from
 * member-service's events: who counts for quorum and who may vote. {@code partyGroupId} is null
 * for a member in no party group. {@code cellId} is the cell whose meetings count the member: the
 * host cell of a temporary attachment (sinh hoạt tạm thời), and null while a transfer is pending
 * (in no roster).
 */
public record RosterMember(
        MemberId memberId,
        CellId cellId,
        OrgUnitId partyGroupId,
        OrgPath orgPath,
        String fullName,
        MemberStatus status,
        boolean exempted,
        long version) {

    public RosterMember {
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(status);
    }

    /** Still in the cell: probationary or full. The one definition of an active member here. */
    public boolean isActive() {
        return status == MemberStatus.FULL || status == MemberStatus.PROBATIONARY;
    }

    /** Counts toward quorum: a full member who is not exempted from activities. */
    public boolean countsForQuorum() {
        return status == MemberStatus.FULL && !exempted;
    }

    /** Only full members vote; probationary members may not. */
    public boolean mayVote() {
        return status == MemberStatus.FULL;
    }
}
