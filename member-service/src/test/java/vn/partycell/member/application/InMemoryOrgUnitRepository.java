package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PendingMove;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** The org unit port in memory: state and events stored together, one node per org path. */
class InMemoryOrgUnitRepository implements OrgUnitRepository {

    private final Map<OrgUnitId, OrgUnit> units = new LinkedHashMap<>();
    private final List<OrgUnitEvent> events = new ArrayList<>();

    List<OrgUnitEvent> events() {
        return List.copyOf(events);
    }

    int size() {
        return units.size();
    }

    /** Stores a node the way the service would have, for arranging a tree. */
    OrgUnit given(Change<OrgUnit, OrgUnitEvent> created) {
        insert(created);
        return created.state();
    }

    @Override
    public Optional<OrgUnit> find(OrgUnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    @Override
    public void insert(Change<OrgUnit, OrgUnitEvent> created) {
        OrgUnit unit = created.state();
        if (units.values().stream().anyMatch(u -> u.orgPath().equals(unit.orgPath()))) {
            throw new ConflictException("org-code-taken", "code taken");
        }
        units.put(unit.id(), unit);
        events.addAll(created.events());
    }

    @Override
    public ResultPage<OrgUnit> search(
            Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page) {
        List<OrgUnit> all = units.values().stream()
                .filter(u -> caller.canRead(u.orgPath()))
                .filter(u -> parentId == null || parentId.equals(u.parentId()))
                .filter(u -> code == null || code.equals(u.code()))
                .filter(u -> kind == null || kind == u.kind())
                .sorted(Comparator.comparing(u -> u.orgPath().value()))
                .toList();
        return new ResultPage<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page, all.size());
    }

    private final Map<OrgUnitId, CellComposition> compositions = new LinkedHashMap<>();

    @Override
    public void update(Change<OrgUnit, OrgUnitEvent> change, long expectedVersion) {
        OrgUnit unit = change.state();
        OrgUnit stored = units.get(unit.id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        if (units.values().stream()
                .anyMatch(u -> !u.id().equals(unit.id()) && u.orgPath().equals(unit.orgPath()))) {
            throw new ConflictException("org-code-taken", "code taken");
        }
        units.put(unit.id(), unit);
        events.addAll(change.events());
    }

    @Override
    public long countLiveChildren(OrgUnitId parentId) {
        return units.values().stream()
                .filter(u -> parentId.equals(u.parentId()) && !u.isDissolved())
                .count();
    }

    @Override
    public List<OrgUnit> pendingMoves() {
        return units.values().stream().filter(u -> u.pendingMove() != null).toList();
    }

    @Override
    public List<OrgUnit> under(OrgPath prefix, int limit) {
        return units.values().stream()
                .filter(u -> prefix.covers(u.orgPath()))
                .limit(limit)
                .toList();
    }

    @Override
    public long countUnder(OrgPath prefix) {
        return units.values().stream().filter(u -> prefix.covers(u.orgPath())).count();
    }

    @Override
    public int repath(List<OrgUnit> repathed) {
        int written = 0;
        for (OrgUnit u : repathed) {
            OrgUnit stored = units.get(u.id());
            if (stored != null && stored.version() == u.version() - 1) {
                units.put(u.id(), u);
                written++;
            }
        }
        return written;
    }

    @Override
    public void recordMoveProgress(OrgUnitId id, long total, long done) {
        OrgUnit u = units.get(id);
        if (u != null && u.pendingMove() != null) {
            PendingMove m = u.pendingMove();
            units.put(id, withMove(u, new PendingMove(m.from(), m.to(), m.startedAt(), total, done)));
        }
    }

    @Override
    public void completeMove(OrgUnitId id, OrgPath to) {
        OrgUnit u = units.get(id);
        if (u != null && u.pendingMove() != null && u.pendingMove().to().equals(to)) {
            units.put(id, withMove(u, null));
        }
    }

    private static OrgUnit withMove(OrgUnit u, PendingMove m) {
        return new OrgUnit(
                u.id(),
                u.code(),
                u.name(),
                u.kind(),
                u.parentId(),
                u.orgPath(),
                u.version(),
                u.createdAt(),
                u.dissolvedOn(),
                m,
                u.terms(),
                u.roles(),
                u.establishedOn());
    }

    @Override
    public void storeComposition(OrgUnitId cellId, long fullMembers, List<CompositionWarning> warnings) {
        compositions.put(cellId, new CellComposition(units.get(cellId), fullMembers, warnings));
    }

    @Override
    public ResultPage<CellComposition> withCompositionWarnings(OrgPath prefix, PageQuery page) {
        List<CellComposition> all = compositions.values().stream()
                .filter(c -> !c.warnings().isEmpty())
                .map(c -> new CellComposition(units.get(c.cell().id()), c.fullMembers(), c.warnings()))
                .filter(c -> prefix.covers(c.cell().orgPath()))
                .sorted(Comparator.comparing(c -> c.cell().orgPath().value()))
                .toList();
        return new ResultPage<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page, all.size());
    }

    @Override
    public List<OrgUnit> withRolesOf(vn.partycell.member.domain.MemberId memberId) {
        return units.values().stream()
                .filter(u -> u.roles().stream()
                        .anyMatch(r -> r instanceof vn.partycell.member.domain.RoleRecord.Assigned a
                                && a.memberId().equals(memberId)))
                .toList();
    }

    @Override
    public java.util.Set<vn.partycell.member.domain.MemberId> holdersOn(
            vn.partycell.member.domain.ElectedRole role, List<OrgPath> within, java.time.LocalDate day) {
        java.util.Set<vn.partycell.member.domain.MemberId> holders = new java.util.LinkedHashSet<>();
        units.values().stream()
                .filter(u -> within.stream()
                        .anyMatch(p -> p.covers(u.orgPath()) || u.orgPath().covers(p)))
                .forEach(u -> holders.addAll(u.holdersOn(role, day)));
        return holders;
    }
}
