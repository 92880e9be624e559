package vn.partycell.meeting.domain;

import java.util.Objects;

/**
 * A party group (tổ đảng) of a cell as self-criticism counts it. Members of the cell in no party
 * group of that cell (a small cell without groups, a member attached from another cell) form one
 * more group whose id is the cell's own: {@link #ofCell}.
 */
public record PartyGroup(OrgUnitId id, String name, boolean cellLevel) {

    public PartyGroup {
        Objects.requireNonNull(id, "id");
    }

    public static PartyGroup ofCell(CellId cellId, String cellName) {
        return new PartyGroup(new OrgUnitId(cellId.value()), cellName, true);
    }
}
