package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The tree's view of the register in memory, keeping what the Mongo adapter promises: a re-path is
 * written only if the member is still at the version read, with its event. {@link #crashAfter} makes
 * the next bulk stop midway, as a process killed during a move would.
 */
class InMemoryMembersInTree implements MembersInTree {

    private final Map<MemberId, Member> members = new LinkedHashMap<>();
    private final List<MemberEvent> events = new ArrayList<>();
    private int crashAfter = -1;

    Member given(Change<Member, MemberEvent> registered) {
        members.put(registered.state().id(), registered.state());
        events.addAll(registered.events());
        return registered.state();
    }

    /** Replaces a member as another use case would have (a concurrent change). */
    void changedElsewhere(Member member) {
        members.put(member.id(), member);
    }

    List<MemberEvent> events() {
        return List.copyOf(events);
    }

    List<Member> all() {
        return List.copyOf(members.values());
    }

    void crashAfter(int writes) {
        this.crashAfter = writes;
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public List<Member> under(OrgPath prefix, int limit) {
        return members.values().stream()
                .filter(m -> prefix.covers(m.orgPath()))
                .limit(limit)
                .toList();
    }

    @Override
    public long countUnder(OrgPath prefix) {
        return members.values().stream().filter(m -> prefix.covers(m.orgPath())).count();
    }

    @Override
    public int repath(List<Change<Member, MemberEvent>> changes) {
        int written = 0;
        for (Change<Member, MemberEvent> c : changes) {
            if (crashAfter == 0) {
                crashAfter = -1;
                throw new IllegalStateException("process killed during the bulk");
            }
            Member stored = members.get(c.state().id());
            if (stored != null && stored.version() == c.state().version() - 1) {
                members.put(stored.id(), c.state());
                events.addAll(c.events());
                written++;
                if (crashAfter > 0) {
                    crashAfter--;
                }
            }
        }
        return written;
    }

    @Override
    public long countActiveIn(OrgUnit unit) {
        return members.values().stream()
                .filter(Member::isActive)
                .filter(m -> unit.kind() == OrgUnitKind.CELL
                        ? m.cellId().equals(unit.id())
                        : unit.kind() == OrgUnitKind.PARTY_GROUP && unit.id().equals(m.partyGroupId()))
                .count();
    }

    @Override
    public long countFullIn(OrgUnitId cellId) {
        return members.values().stream()
                .filter(m -> m.cellId().equals(cellId) && m.status() == MemberStatus.FULL)
                .count();
    }
}
