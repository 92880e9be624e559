package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;

/**
 * The live cells an import may register into, loaded once per run: the node itself when it is a cell,
 * else the cells under it. A row names its cell by id, by code or by name (without regard to case
 * or diacritics); a code or name must be unique in the subtree.
 */
final class ImportCells {

    private final OrgUnit unit;
    private final Map<UUID, OrgUnit> byId = new HashMap<>();
    private final Map<String, List<OrgUnit>> byCode = new HashMap<>();
    private final Map<String, List<OrgUnit>> byName = new HashMap<>();

    ImportCells(OrgUnit unit, List<OrgUnit> under) {
        this.unit = unit;
        Map<OrgUnitId, OrgUnit> cells = new LinkedHashMap<>();
        if (unit.isCell()) {
            cells.put(unit.id(), unit);
        }
        for (OrgUnit u : under) {
            if (u.isCell() && !u.isDissolved() && unit.orgPath().covers(u.orgPath())) {
                cells.put(u.id(), u);
            }
        }
        for (OrgUnit cell : cells.values()) {
            byId.put(cell.id().value(), cell);
            if (cell.code() != null) {
                byCode.computeIfAbsent(VietnameseCollation.fold(cell.code()), k -> new ArrayList<>())
                        .add(cell);
            }
            if (cell.name() != null) {
                byName.computeIfAbsent(VietnameseCollation.fold(cell.name()), k -> new ArrayList<>())
                        .add(cell);
            }
        }
    }

    int size() {
        return byId.size();
    }

    /** The cell a row names, or the Vietnamese reason it names none. */
    Resolved resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return unit.isCell()
                    ? new Resolved(unit, null)
                    : new Resolved(
                            null, "bắt buộc phải có khi nhập vào tổ chức cấp trên chi bộ (mã, tên hoặc id chi bộ)");
        }
        String text = reference.strip();
        try {
            OrgUnit cell = byId.get(UUID.fromString(text));
            return cell != null ? new Resolved(cell, null) : outside(text);
        } catch (IllegalArgumentException notAnId) {
            // A code or a name.
        }
        String folded = VietnameseCollation.fold(text);
        List<OrgUnit> found = byCode.getOrDefault(folded, List.of());
        if (found.isEmpty()) {
            found = byName.getOrDefault(folded, List.of());
        }
        if (found.size() == 1) {
            return new Resolved(found.getFirst(), null);
        }
        if (found.size() > 1) {
            return new Resolved(
                    null, "có " + found.size() + " chi bộ cùng mã hoặc tên \"" + text + "\"; hãy ghi id của chi bộ");
        }
        return outside(text);
    }

    private Resolved outside(String text) {
        return new Resolved(null, "không có chi bộ \"" + text + "\" thuộc " + unit.name());
    }

    record Resolved(OrgUnit cell, String problem) {
        Optional<OrgUnit> found() {
            return Optional.ofNullable(cell);
        }
    }
}
