package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One dated line of a member's history; history is appended, never overwritten. */
public record StatusChange(
        LocalDate effectiveOn,
        MemberStatus status,
        boolean exempted,
        String reason,
        String recordedBy,
        Instant recordedAt) {}
