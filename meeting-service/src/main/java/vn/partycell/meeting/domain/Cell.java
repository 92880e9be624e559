package vn.partycell.meeting.domain;

import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * An org node as meeting-service knows it from member-service: a cell (chi bộ) or one of its party
 * groups (tổ đảng); only a cell holds meetings. {@code parentId} is null for a node at the top.
 */
public record Cell(
        CellId id, String code, String name, OrgUnitKind kind, OrgUnitId parentId, OrgPath orgPath, long version) {

    public Cell {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
    }
}
