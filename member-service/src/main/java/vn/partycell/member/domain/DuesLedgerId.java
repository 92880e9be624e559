package vn.partycell.member.domain;

import java.util.Objects;

/**
 * Identifies one member's dues ledger (sổ đảng phí) for one calendar year; stored as {@code
 * <member uuid>:<year>}, so a member and year find their ledger by its unique key.
 */
public record DuesLedgerId(MemberId memberId, int year) {

    public DuesLedgerId {
        Objects.requireNonNull(memberId, "memberId");
    }

    /** Parses {@code <member uuid>:<year>}; anything else is an {@link IllegalArgumentException}. */
    public static DuesLedgerId of(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a dues ledger id: " + value);
        }
        return new DuesLedgerId(MemberId.of(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return memberId + ":" + year;
    }
}
