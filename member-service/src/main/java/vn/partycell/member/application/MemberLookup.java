package vn.partycell.member.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;

/**
 * Port: members read in bulk, for use cases that work on a whole cell at once (dues). Both reads go
 * by a key real MongoDB indexes (the id, the cell), so they grow with the cell, not the province.
 */
public interface MemberLookup {

    /** The members among {@code ids}, in one read; unknown ids are missing from the map. */
    Map<MemberId, Member> findAll(Collection<MemberId> ids);

    /** Every member recorded in a cell, whatever their status. */
    List<Member> inCell(OrgUnitId cellId);
}
