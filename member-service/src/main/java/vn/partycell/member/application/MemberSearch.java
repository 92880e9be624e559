package vn.partycell.member.application;

import java.util.List;
import java.util.Set;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * What the member directory is asked for, already scoped and normalised by {@link MemberQueries}:
 * members under any of {@code within} ({@link OrgPath#ROOT} is everything, an empty list nothing)
 * that match every criterion that is not null or empty.
 *
 * @param within subtrees the caller may read, narrowed by the org-path filter
 * @param nameWords folded words ({@link VietnameseCollation#foldedWords}); each must begin a word of the name
 * @param status the current status
 * @param cellId the cell the member is recorded in
 * @param partyCardNumber the party card number, exactly
 * @param citizenId the citizen ID (CCCD), exactly
 * @param memberIds only these members (the holders of a role), or null for any
 */
public record MemberSearch(
        List<OrgPath> within,
        List<String> nameWords,
        MemberStatus status,
        OrgUnitId cellId,
        String partyCardNumber,
        String citizenId,
        Set<MemberId> memberIds) {

    public MemberSearch {
        within = List.copyOf(within);
        nameWords = List.copyOf(nameWords);
        memberIds = memberIds == null ? null : Set.copyOf(memberIds);
    }

    public MemberSearch(
            List<OrgPath> within,
            List<String> nameWords,
            MemberStatus status,
            OrgUnitId cellId,
            String partyCardNumber,
            String citizenId) {
        this(within, nameWords, status, cellId, partyCardNumber, citizenId, null);
    }
}
