package vn.partycell.member.application;

import java.time.LocalDate;
import java.util.UUID;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.PersonalData;

/** The command to admit or receive a member into a cell. */
public record RegisterMember(
        PersonalData person,
        UUID cellId,
        UUID partyGroupId,
        MemberStatus status,
        boolean exempted,
        LocalDate joinedOn) {}
