package vn.partycell.member.application;

import vn.partycell.member.domain.Member;

/**
 * A member as a list shows it to one caller: the personal data (citizen ID, date of birth, phone,
 * e-mail, address) only when {@code personal}, i.e. for the member themself and for a secretary or
 * above of the member's cell or a node above it.
 */
public record MemberListing(Member member, boolean personal) {}
