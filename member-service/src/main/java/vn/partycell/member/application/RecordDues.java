package vn.partycell.member.application;

import java.time.LocalDate;
import java.time.YearMonth;
import vn.partycell.member.domain.MemberId;

/**
 * The command to record one member's dues (đảng phí) for a month.
 *
 * @param requestKey the client's Idempotency-Key, or null
 */
public record RecordDues(MemberId memberId, YearMonth month, long amount, LocalDate paidOn, String requestKey) {}
