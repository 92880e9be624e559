package vn.partycell.member.application;

import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member list as a caller asks for it; every field may be null (no filter).
 *
 * @param name words of the name, with or without diacritics, in any case
 * @param status the current status
 * @param cellId one cell
 * @param orgPath a committee's subtree (or a cell's), within the caller's scope
 * @param partyCardNumber exactly
 * @param citizenId exactly; needs the secretary's role or above, since it is personal data
 * @param role an elected role the member holds today (on any node of the list's scope or above it)
 */
public record MemberFilter(
        String name,
        MemberStatus status,
        OrgUnitId cellId,
        OrgPath orgPath,
        String partyCardNumber,
        String citizenId,
        ElectedRole role) {

    public MemberFilter(
            String name,
            MemberStatus status,
            OrgUnitId cellId,
            OrgPath orgPath,
            String partyCardNumber,
            String citizenId) {
        this(name, status, cellId, orgPath, partyCardNumber, citizenId, null);
    }

    public static MemberFilter none() {
        return new MemberFilter(null, null, null, null, null, null);
    }
}
