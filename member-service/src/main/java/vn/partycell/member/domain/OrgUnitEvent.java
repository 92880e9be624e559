package vn.partycell.member.domain;

/** What happened to an org unit, as other contexts need to know it. Each carries the node after the change. */
public sealed interface OrgUnitEvent {

    OrgUnit orgUnit();

    record Created(OrgUnit orgUnit) implements OrgUnitEvent {}

    /** Đổi tên tổ chức. */
    record Renamed(OrgUnit orgUnit) implements OrgUnitEvent {}

    /** Chuyển tổ chức: every record under {@code previousOrgPath} now lives under the node's new path. */
    record Moved(OrgUnit orgUnit, vn.partycell.platform.kernel.OrgPath previousOrgPath) implements OrgUnitEvent {}

    /** Giải thể tổ chức. */
    record Dissolved(OrgUnit orgUnit) implements OrgUnitEvent {}

    /** Mở nhiệm kỳ. */
    record TermOpened(OrgUnit orgUnit, Term term) implements OrgUnitEvent {}

    /** Giao chức danh. */
    record RoleAssigned(OrgUnit orgUnit, RoleRecord.Assigned assignment) implements OrgUnitEvent {}

    /** Thôi chức danh. */
    record RoleEnded(OrgUnit orgUnit, RoleRecord.Assigned assignment, RoleRecord.Ended ending)
            implements OrgUnitEvent {}
}
