package vn.partycell.member.application;

import java.time.LocalDate;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;

/** The command to admit or receive a member into a cell; {@code partyGroupId} may be null. */
public record RegisterMember(
        PersonalData person,
        OrgUnitId cellId,
        OrgUnitId partyGroupId,
        MemberStatus status,
        boolean exempted,
        LocalDate joinedOn) {}
