package vn.partycell.member.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A node of the org tree (tổ chức đảng). Its path is fixed at creation from its parent's path and
 * its own code, and every record below it is stored with that path. Creating one returns the new
 * node with its {@code members.org-unit.created} event; no use case changes a node yet.
 */
public record OrgUnit(
        OrgUnitId id,
        String code,
        String name,
        OrgUnitKind kind,
        OrgUnitId parentId,
        OrgPath orgPath,
        long version,
        Instant createdAt) {

    public OrgUnit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
    }

    /** A root: only a province stands at the top of the tree. */
    public static Change<OrgUnit, OrgUnitEvent> root(
            OrgUnitId id, String code, String name, OrgUnitKind kind, Instant now) {
        if (kind != OrgUnitKind.PROVINCE) {
            throw new RuleViolationException(
                    "parent-required", "Chỉ tỉnh ủy (PROVINCE) được đứng ở gốc cây tổ chức; hãy chọn tổ chức cấp trên");
        }
        return created(new OrgUnit(id, code, name.strip(), kind, null, OrgPath.ROOT.child(code), 1, now));
    }

    /** A child of {@code parent}, if the tree allows that kind there. */
    public Change<OrgUnit, OrgUnitEvent> child(
            OrgUnitId childId, String childCode, String childName, OrgUnitKind childKind, Instant now) {
        if (!childKind.allowedParents().contains(kind)) {
            throw new RuleViolationException(
                    "kind-not-allowed",
                    "Không thể đặt " + childKind + " dưới " + kind + " (" + name + ")",
                    Map.of("parentKind", kind, "kind", childKind));
        }
        return created(
                new OrgUnit(childId, childCode, childName.strip(), childKind, id, orgPath.child(childCode), 1, now));
    }

    private static Change<OrgUnit, OrgUnitEvent> created(OrgUnit unit) {
        return Change.of(unit, new OrgUnitEvent.Created(unit));
    }

    public boolean isCell() {
        return kind == OrgUnitKind.CELL;
    }
}
