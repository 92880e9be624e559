package vn.partycell.meeting.application;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.OrgPath;

/** The unit read model in memory, for use-case and reader tests. */
public class InMemoryWatchedUnits implements WatchedUnits {

    private final Map<OrgUnitId, WatchedUnit> units = new ConcurrentHashMap<>();

    @Override
    public boolean saveIfNewer(WatchedUnit unit, Occurrence occurrence) {
        WatchedUnit stored = units.get(unit.id());
        if (stored != null && stored.version() >= unit.version()) {
            return false;
        }
        units.put(
                unit.id(),
                stored == null
                        ? unit
                        : new WatchedUnit(
                                unit.id(),
                                unit.parentId(),
                                unit.kind(),
                                unit.code(),
                                unit.name(),
                                unit.orgPath(),
                                unit.established() ? unit.since() : stored.since(),
                                unit.dissolvedOn(),
                                unit.version(),
                                unit.established() || stored.established()));
        return true;
    }

    @Override
    public Optional<WatchedUnit> find(OrgUnitId id) {
        return Optional.ofNullable(units.get(id));
    }

    @Override
    public List<WatchedUnit> liveCells(OrgPath under, OrgUnitId afterId, int limit) {
        return units.values().stream()
                .filter(u -> u.isCell() && !u.isDissolved() && under.covers(u.orgPath()))
                .filter(u -> afterId == null || u.id().toString().compareTo(afterId.toString()) > 0)
                .sorted(Comparator.comparing(u -> u.id().toString()))
                .limit(limit)
                .toList();
    }
}
