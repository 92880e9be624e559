package vn.partycell.evaluation.application;

import vn.partycell.platform.kernel.OrgPath;

/**
 * Port: the records of this service whose org path decides who may read them (scorecards, the
 * latest path per cell), rewritten when a node of the tree moves; and the last move applied per node.
 */
public interface OrgPathRewrites {

    /** Whether a move of the node {@code nodeId} at {@code version} is newer than the last one applied. */
    boolean isNewerMove(String nodeId, long version);

    /** Every record under {@code from} is put under {@code to} instead (idempotent, in batches). */
    void rewrite(OrgPath from, OrgPath to);

    /** Remembers the move as applied, once its rewrite is complete. */
    void recordMove(String nodeId, long version);
}
