package vn.partycell.member.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A node of the org tree (tổ chức đảng). Its path is fixed at creation from its parent's path and
 * its own code, and every record below it is stored with that path.
 */
public record OrgUnit(
        UUID id,
        String code,
        String name,
        OrgUnitKind kind,
        UUID parentId,
        OrgPath orgPath,
        long version,
        Instant createdAt) {

    public OrgUnit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
    }

    /** A root: only a province stands at the top of the tree. */
    public static OrgUnit root(UUID id, String code, String name, OrgUnitKind kind, Instant now) {
        if (kind != OrgUnitKind.PROVINCE) {
            throw new RuleViolationException(
                    "parent-required", "Chỉ tỉnh ủy (PROVINCE) được đứng ở gốc cây tổ chức; hãy chọn tổ chức cấp trên");
        }
        return new OrgUnit(id, code, name.strip(), kind, null, OrgPath.ROOT.child(code), 1, now);
    }

    /** A child of {@code parent}, if the tree allows that kind there. */
    public OrgUnit child(UUID childId, String childCode, String childName, OrgUnitKind childKind, Instant now) {
        if (!childKind.allowedParents().contains(kind)) {
            throw new RuleViolationException(
                    "kind-not-allowed",
                    "Không thể đặt " + childKind + " dưới " + kind + " (" + name + ")",
                    java.util.Map.of("parentKind", kind, "kind", childKind));
        }
        return new OrgUnit(childId, childCode, childName.strip(), childKind, id, orgPath.child(childCode), 1, now);
    }

    public boolean isCell() {
        return kind == OrgUnitKind.CELL;
    }
}
