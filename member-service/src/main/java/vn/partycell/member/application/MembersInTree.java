package vn.partycell.member.application;

import java.util.List;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Port: what the org tree needs of the member register, each by an indexed key (cell, party group,
 * org path prefix), never a scan of the province: counts for the composition rules and dissolving,
 * and the batches a move rewrites.
 */
public interface MembersInTree {

    java.util.Optional<Member> find(MemberId id);

    /** Members still recorded under {@code prefix} (any status), at most {@code limit}. */
    List<Member> under(OrgPath prefix, int limit);

    long countUnder(OrgPath prefix);

    /**
     * Stores each re-pathed member with its event, in one bulk, each only if still at the version it
     * was read at; a member changed meanwhile is skipped (still under the old prefix, so the next
     * batch takes it again). Returns how many were written.
     */
    int repath(List<Change<Member, MemberEvent>> changes);

    /** Active members kept in this cell or party group (by the cell's key); other kinds hold no member. */
    long countActiveIn(OrgUnit unit);

    /** Full members (chính thức) of a cell, exempted ones included: the composition rules count them. */
    long countFullIn(OrgUnitId cellId);
}
