package vn.partycell.member.application;

import java.time.LocalDate;
import java.time.YearMonth;
import vn.partycell.member.domain.MemberId;

/**
 * The command to correct (đính chính) a month's recorded dues with a new amount and date, or to
 * cancel a payment recorded by mistake.
 *
 * @param expectedVersion the ledger version the caller read (If-Match), or null
 */
public record CorrectDues(
        MemberId memberId,
        YearMonth month,
        boolean cancel,
        long amount,
        LocalDate paidOn,
        String reason,
        Long expectedVersion) {}
