package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * An org node as the compliance watch knows it from member-service's org-unit events: a cell to
 * watch, or a committee whose superior lists the cells below it. {@code since} is the day it was
 * established (ngày thành lập) when its events say so ({@code established}), else the local day it
 * was first heard of; {@code dissolvedOn} the day it was dissolved (giải thể), else null. A founding
 * date replaces the {@code since} kept so far; a first-heard-of day never does.
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
        long version,
        boolean established) {

    public WatchedUnit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(since);
    }

    /** A node known since the day it was first heard of (no founding date). */
    public WatchedUnit(
            OrgUnitId id,
            OrgUnitId parentId,
            OrgUnitKind kind,
            String code,
            String name,
            OrgPath orgPath,
            LocalDate since,
            LocalDate dissolvedOn,
            long version) {
        this(id, parentId, kind, code, name, orgPath, since, dissolvedOn, version, false);
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
