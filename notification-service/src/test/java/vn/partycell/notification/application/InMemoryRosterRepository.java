package vn.partycell.notification.application;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.RosterMember;

/** The roster port's rules in memory: newer version wins, the applied event id is kept with it. */
public class InMemoryRosterRepository implements RosterRepository {

    public final Map<MemberId, RosterMember> members = new HashMap<>();
    public final Map<MemberId, String> appliedEvents = new HashMap<>();

    @Override
    public boolean saveIfNewer(RosterMember member, String eventId) {
        RosterMember stored = members.get(member.memberId());
        if (stored != null && stored.version() >= member.version()) {
            return false;
        }
        members.put(member.memberId(), member);
        appliedEvents.put(member.memberId(), eventId);
        return true;
    }

    @Override
    public List<RosterMember> roster(CellId cellId) {
        return members.values().stream()
                .filter(m -> cellId.equals(m.cellId()))
                .sorted(Comparator.comparing(RosterMember::fullName)
                        .thenComparing(m -> m.memberId().toString()))
                .toList();
    }

    @Override
    public Optional<RosterMember> member(MemberId memberId) {
        return Optional.ofNullable(members.get(memberId));
    }
}
