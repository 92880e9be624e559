package vn.partycell.member.application;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.member.domain.OrgUnitId;

/**
 * One run of a bulk member import (nhập danh sách đảng viên) into the subtree of {@code unitId}: the
 * uploaded file (kept until the run is over), who asked, and its progress. {@code rowsRead} is also
 * the offset a resumed run starts from: every data row before it has been decided and its outcome
 * stored. {@code chunks} counts the stored batches (the rejection report is kept per batch).
 *
 * @param rowsSkipped rows whose member is already in the register (a re-run, or a citizen ID another
 *     member holds): reported with the reason, never written twice
 */
public record MemberImport(
        MemberImportId id,
        OrgUnitId unitId,
        String fileName,
        ImportFormat format,
        String fileSha256,
        long fileBytes,
        String requestedBy,
        MemberImportState state,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long rowsSkipped,
        long chunks,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    public MemberImport {
        Objects.requireNonNull(id);
        Objects.requireNonNull(unitId);
        Objects.requireNonNull(format);
        Objects.requireNonNull(state);
    }

    /** A run accepted and waiting for a worker. */
    public static MemberImport queued(
            MemberImportId id,
            OrgUnitId unitId,
            String fileName,
            ImportFormat format,
            String sha256,
            long bytes,
            String requestedBy,
            Instant now) {
        return new MemberImport(
                id,
                unitId,
                fileName,
                format,
                sha256,
                bytes,
                requestedBy,
                MemberImportState.QUEUED,
                0,
                0,
                0,
                0,
                0,
                false,
                now,
                null,
                null,
                null);
    }

    /** The accepted file formats. */
    public enum ImportFormat {
        CSV,
        XLSX
    }
}
