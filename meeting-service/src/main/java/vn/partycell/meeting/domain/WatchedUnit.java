package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * An org node as the compliance watch knows it from member-service's org-unit events: a cell to
 * watch, or a committee whose superior lists the cells below it. {@code since} is the local day it
 * was first heard of (its creation), {@code dissolvedOn} the day it was dissolved (giải thể), else
 * null.
 */
public record WatchedUnit(
        OrgUnitId id,
        OrgUnitId parentId,
        OrgUnitKind kind,
        String code,
        String name,
        OrgPath orgPath,
        LocalDate since,
        LocalDate dissolvedOn,
        long version) {

    public WatchedUnit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(since);
    }

    public boolean isCell() {
        return kind == OrgUnitKind.CELL;
    }

    public boolean isDissolved() {
        return dissolvedOn != null;
    }

    /**
     * Whether a cell owes meetings for the whole period: it existed when the period began and is
     * not dissolved. A cell created during a period starts owing from the next one.
     */
    public boolean owesMeetingsFor(Period period) {
        return isCell() && !isDissolved() && !since.isAfter(period.start());
    }

    public CellId cellId() {
        return new CellId(id.value());
    }
}
