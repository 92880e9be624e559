package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
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
}
