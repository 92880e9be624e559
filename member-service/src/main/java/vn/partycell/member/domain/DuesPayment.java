package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;

/** The dues in force for one month of a ledger: derived from its last line, never stored on its own. */
public record DuesPayment(int month, long amount, LocalDate paidOn, String recordedBy, Instant recordedAt) {}
