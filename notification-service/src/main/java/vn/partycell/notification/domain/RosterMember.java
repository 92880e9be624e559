package vn.partycell.notification.domain;

import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as the notices need them (đảng viên trong danh sách chi bộ), copied from
 * member-service's events: where notices go, and whether the member still belongs to the cell.
 *
 * @param cellId the cell whose meetings the member is told about (the host cell of an attachment),
 *     or null while a transfer is pending
 * @param email where e-mail notices would go, or null when the member has none
 * @param status the contract's memberStatus
 * @param version the member record's version the snapshot reflects; newer wins
 */
public record RosterMember(
        MemberId memberId,
        CellId cellId,
        OrgPath orgPath,
        String fullName,
        String email,
        MemberStatus status,
        long version) {

    /**
     * Still in the cell: probationary (dự bị) or full (chính thức). Only they get meeting notices;
     * this is the one definition of an active member in this service.
     */
    public boolean isActive() {
        return status == MemberStatus.FULL || status == MemberStatus.PROBATIONARY;
    }
}
