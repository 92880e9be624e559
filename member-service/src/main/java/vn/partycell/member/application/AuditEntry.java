package vn.partycell.member.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * One line of the audit log (nhật ký thao tác): who did what to which record, when, from which
 * request, and each changed field with its old and new value. Values are kept in clear, personal
 * data included: only superiors over the record read the log.
 *
 * @param id unique; the drain into the log is keyed by it, so a replay writes nothing twice
 * @param recordKind {@code member}, {@code org-unit}, {@code dues-ledger} or {@code member-export}
 * @param orgPath where the record stood after the change: the scope of who may read the line
 * @param action the event types the change published (or {@code export.csv|xlsx})
 * @param importId the member import run that made the change, or null (the request is then the
 *     actor's; for an import it is the upload's)
 */
public record AuditEntry(
        UUID id,
        Instant at,
        AuditActor actor,
        String recordKind,
        String recordId,
        OrgPath orgPath,
        String action,
        List<FieldChange> changes,
        String importId) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }

    /** A field as it was and as it became; {@code from} is null for a new value or appended lines. */
    public record FieldChange(String field, String from, String to) {}
}
