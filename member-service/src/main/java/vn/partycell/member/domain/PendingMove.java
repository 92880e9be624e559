package vn.partycell.member.domain;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A move (chuyển tổ chức) whose path rewrite below the node is not finished yet. The node itself
 * already carries {@code to}; the records below still under {@code from} are rewritten in batches by
 * the move job, which counts its progress here so a superior can follow it and a restart resumes it.
 *
 * @param total records found under {@code from} when the job started counting (0 before that)
 * @param done records rewritten so far
 */
public record PendingMove(OrgPath from, OrgPath to, Instant startedAt, long total, long done) {

    public PendingMove {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
    }

    /** Whether {@code path} is affected by this move: under its old or its new place. */
    public boolean overlaps(OrgPath path) {
        return from.covers(path) || path.covers(from) || to.covers(path) || path.covers(to);
    }

    /** Whether {@code path} lies under this move's old or new place. */
    public boolean contains(OrgPath path) {
        return from.covers(path) || to.covers(path);
    }

    /** The same record after this move: the old prefix replaced by the new one. */
    public OrgPath rewrite(OrgPath path) {
        if (!from.covers(path)) {
            return path;
        }
        return OrgPath.of(to.value() + path.value().substring(from.value().length()));
    }
}
