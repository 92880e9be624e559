package vn.partycell.member.application;

import vn.partycell.member.domain.Member;

/**
 * A member as one caller may see them: {@code personalData} is false when the citizen ID, phone,
 * date of birth, address and residence must be hidden ({@code infra/docs/rules.md} 2.9).
 */
public record MemberView(Member member, boolean personalData) {}
