package vn.partycell.member.application;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Port: the import runs and their rejection reports, each found by its id (a unique key). */
public interface MemberImportJobs {

    void insert(MemberImport job);

    Optional<MemberImport> find(MemberImportId id);

    /**
     * Stores the run's state and counters (whatever the fields of {@code job} say) except the
     * cancellation request, which only {@link #requestCancellation} sets; returns the run as stored
     * afterwards (so that a worker sees a cancellation requested meanwhile).
     */
    MemberImport save(MemberImport job);

    /** Marks the run to be cancelled; empty if there is none. */
    Optional<MemberImport> requestCancellation(MemberImportId id);

    /** Runs not over (queued or running): to resume after a restart. */
    List<MemberImport> unfinished();

    /** The rejections of one batch of rows (batch {@code chunk}); a repeated call replaces them. */
    void storeRejections(MemberImportId id, long chunk, List<ImportRejection> rejections);

    /** Every rejection of the first {@code chunks} batches, in row order. */
    void forEachRejection(MemberImportId id, long chunks, Consumer<ImportRejection> sink);
}
