package vn.partycell.meeting.application;

import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Port: the records of this service that carry an org path (the cells read model, rosters,
 * meetings and every record kept about them: proceedings, tasks, self-criticism, grades, replies,
 * amendments, attachments, overdue facts), rewritten when a node of the tree moves, and the last
 * move applied per node.
 */
public interface OrgPathRewrites {

    /** Whether a move of {@code node} at {@code version} is newer than the last one applied to it. */
    boolean isNewerMove(OrgUnitId node, long version);

    /** Every record under {@code from} is put under {@code to} instead (idempotent, in batches). */
    void rewrite(OrgPath from, OrgPath to);

    /** Remembers the move as applied, once its rewrite is complete. */
    void recordMove(OrgUnitId node, long version);
}
