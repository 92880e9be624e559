package vn.partycell.member.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.PageQuery;

/** Bulk reads over an {@link InMemoryMemberRepository}, counted. */
class InMemoryMemberLookup implements MemberLookup {

    private final InMemoryMemberRepository members;
    int reads;

    InMemoryMemberLookup(InMemoryMemberRepository members) {
        this.members = members;
    }

    @Override
    public Map<MemberId, Member> findAll(Collection<MemberId> ids) {
        reads++;
        Map<MemberId, Member> found = new LinkedHashMap<>();
        ids.forEach(id -> members.find(id).ifPresent(m -> found.put(id, m)));
        return found;
    }

    @Override
    public List<Member> inCell(OrgUnitId cellId) {
        reads++;
        return members.inCell(cellId, PageQuery.of(0, 10_000)).content();
    }
}
