package vn.partycell.member.application;

import java.time.Clock;
import java.util.Map;

/** The tree's use cases wired on in-memory ports, as Spring would wire them, with the default policy. */
final class TreeFixture {

    static final CompositionPolicy POLICY = new CompositionPolicy(new CompositionPolicy.YearPolicy(3, 9), Map.of());

    final InMemoryOrgUnitRepository units;
    final InMemoryMembersInTree members;
    final CompositionService composition;
    final MoveJob moves;
    final OrgUnitService service;

    TreeFixture(InMemoryOrgUnitRepository units, InMemoryMembersInTree members, Clock clock) {
        this(units, members, clock, 500);
    }

    TreeFixture(InMemoryOrgUnitRepository units, InMemoryMembersInTree members, Clock clock, int batchSize) {
        this.units = units;
        this.members = members;
        this.composition = new CompositionService(units, members, POLICY, clock);
        this.moves = new MoveJob(units, members, batchSize);
        this.service = new OrgUnitService(units, members, composition, moves, clock);
    }
}
