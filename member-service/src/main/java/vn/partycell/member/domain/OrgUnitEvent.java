package vn.partycell.member.domain;

/** What happened to an org unit, as other contexts need to know it. */
public sealed interface OrgUnitEvent {

    OrgUnit orgUnit();

    record Created(OrgUnit orgUnit) implements OrgUnitEvent {}
}
