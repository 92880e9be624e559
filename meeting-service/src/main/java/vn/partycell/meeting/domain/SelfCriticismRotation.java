package vn.partycell.meeting.domain;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rotation of self-criticism (luân phiên tự phê bình) within a party group: the member whose last
 * turn lies furthest back goes next, and one who never went goes before anyone who did. So nobody
 * goes twice before every active member of the group has gone once since; a new member has never
 * gone and comes first; exempted members (miễn sinh hoạt) and members in transit (in no roster) are
 * skipped. A turn is an outcome recorded as done: a nomination not picked, or a pick not carried
 * out, is no turn.
 */
public final class SelfCriticismRotation {

    private SelfCriticismRotation() {}

    /** A member the group may nominate, with their turns before the month. */
    public record Candidate(RosterMember member, YearMonth lastTurn, int turns) {

        public Candidate {
            Objects.requireNonNull(member, "member");
        }
    }

    /** Whether the member may be nominated at all: active, not exempted. */
    public static boolean eligible(RosterMember member) {
        return member.isActive() && !member.exempted();
    }

    /**
     * The group a roster member self-criticises in: their party group when it is one of the cell's,
     * else the cell-level group (the cell's own id).
     */
    public static OrgUnitId groupOf(RosterMember member, Set<OrgUnitId> cellGroups, CellId cellId) {
        OrgUnitId group = member.partyGroupId();
        return group != null && cellGroups.contains(group) ? group : new OrgUnitId(cellId.value());
    }

    /**
     * The eligible members of one group in the order of the rotation for {@code month}, next first,
     * from the cell's rounds before that month; ties by name, then id, so the order is stable.
     */
    public static List<Candidate> order(
            Collection<RosterMember> groupMembers, Collection<SelfCriticismRound> history, YearMonth month) {
        Map<MemberId, YearMonth> last = new HashMap<>();
        Map<MemberId, Integer> turns = new HashMap<>();
        for (SelfCriticismRound round : history) {
            if (!round.month().isBefore(month)) {
                continue;
            }
            round.turnTaken().ifPresent(member -> {
                last.merge(member, round.month(), (a, b) -> a.isAfter(b) ? a : b);
                turns.merge(member, 1, Integer::sum);
            });
        }
        Comparator<Candidate> byLastTurn =
                Comparator.comparing(Candidate::lastTurn, Comparator.nullsFirst(Comparator.naturalOrder()));
        return groupMembers.stream()
                .filter(SelfCriticismRotation::eligible)
                .map(m -> new Candidate(m, last.get(m.memberId()), turns.getOrDefault(m.memberId(), 0)))
                .sorted(byLastTurn
                        .thenComparing(c -> c.member().fullName(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.member().memberId().toString()))
                .toList();
    }
}
