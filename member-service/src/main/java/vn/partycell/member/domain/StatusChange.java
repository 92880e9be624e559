package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * One dated line of a member's status history; the history is appended, never overwritten, and the
 * current state is derived from it ({@link MemberState#of}).
 *
 * @param admittedAs the standing at admission (ADMISSION only)
 * @param until the planned end of an exemption, attachment or temporary transfer, or null
 * @param otherCellId the host cell of an attachment, the receiving cell of a transfer
 * @param otherCellPath its org path
 * @param refersTo the transfer a TRANSFER_ACCEPTED/REFUSED answers, the line or discipline decision a
 *     CORRECTION voids, the decision behind an EXPULSION
 */
public record StatusChange(
        UUID entryId,
        StatusChangeKind kind,
        LocalDate effectiveOn,
        String reason,
        String recordedBy,
        Instant recordedAt,
        MemberStatus admittedAs,
        LocalDate until,
        OrgUnitId otherCellId,
        OrgPath otherCellPath,
        TransferKind transferKind,
        UUID refersTo) {

    public StatusChange {
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(effectiveOn);
    }

    static StatusChange simple(StatusChangeKind kind, LocalDate on, String reason, String by, Instant at) {
        return new StatusChange(UUID.randomUUID(), kind, on, reason, by, at, null, null, null, null, null, null);
    }
}
