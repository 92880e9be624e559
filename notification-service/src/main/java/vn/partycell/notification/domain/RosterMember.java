package vn.partycell.notification.domain;

import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as the notices need them (đảng viên trong danh sách chi bộ), copied from
 * member-service's events: where notices go, and whether the member still belongs to the cell.
 *
 * @param email where e-mail notices would go, or null when the member has none
 * @param status the contract's memberStatus (PROBATIONARY, FULL, REMOVED, EXPELLED, DECEASED,
 *     TRANSFERRED_OUT)
 * @param version the member record's version the snapshot reflects; newer wins
 */
public record RosterMember(
        UUID memberId, UUID cellId, OrgPath orgPath, String fullName, String email, String status, long version) {

    /** Still in the cell: probationary (dự bị) or full (chính thức). Only they get meeting notices. */
    public boolean isActive() {
        return "FULL".equals(status) || "PROBATIONARY".equals(status);
    }
}
