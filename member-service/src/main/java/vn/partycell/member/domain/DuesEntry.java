package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated line of a dues ledger; lines are appended, never changed. A {@link Kind#PAYMENT} records
 * the month's dues, a {@link Kind#CORRECTION} replaces a wrong amount or date with its reason, a
 * {@link Kind#CANCELLATION} withdraws a payment recorded by mistake (the month is unpaid again).
 *
 * @param amount in VND; 0 for a cancellation
 * @param paidOn null for a cancellation
 * @param requestKey the client's Idempotency-Key the line was recorded under, or null
 */
public record DuesEntry(
        int month,
        Kind kind,
        long amount,
        LocalDate paidOn,
        String reason,
        String recordedBy,
        Instant recordedAt,
        String requestKey) {

    public enum Kind {
        PAYMENT,
        CORRECTION,
        CANCELLATION
    }

    /** The payment this line leaves in force for its month, or null when it cancels one. */
    DuesPayment payment() {
        return kind == Kind.CANCELLATION ? null : new DuesPayment(month, amount, paidOn, recordedBy, recordedAt);
    }
}
