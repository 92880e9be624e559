package vn.partycell.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class OrgMoveProjectionTest {

    /** The port in memory: rewrites asked for, last move per node. */
    static final class Paths implements OrgPathRewrites {
        final Map<String, Long> moves = new HashMap<>();
        final List<List<OrgPath>> rewrites = new ArrayList<>();
        boolean crash;

        @Override
        public boolean isNewerMove(String nodeId, long version) {
            return moves.getOrDefault(nodeId, 0L) < version;
        }

        @Override
        public void rewrite(OrgPath from, OrgPath to) {
            rewrites.add(List.of(from, to));
            if (crash) {
                crash = false;
                throw new IllegalStateException("store went away");
            }
        }

        @Override
        public void recordMove(String nodeId, long version) {
            moves.merge(nodeId, version, Math::max);
        }
    }

    private final Paths paths = new Paths();
    private final OrgMoveProjection projection = new OrgMoveProjection(paths);
    private final OrgPath from = OrgPath.of("/hy/a/");
    private final OrgPath to = OrgPath.of("/hy/b/a/");

    @Test
    void aMoveIsAppliedOnceAndAnOlderOneDeliveredLateChangesNothing() {
        assertThat(projection.onOrgUnitMoved("n", 3, from, to)).isEqualTo(Effect.APPLIED);
        assertThat(projection.onOrgUnitMoved("n", 3, from, to)).isEqualTo(Effect.DUPLICATE);
        assertThat(projection.onOrgUnitMoved("n", 2, OrgPath.of("/hy/c/a/"), from))
                .isEqualTo(Effect.DUPLICATE);
        assertThat(paths.rewrites).containsExactly(List.of(from, to));
    }

    @Test
    void aRewriteInterruptedBeforeTheMoveIsRecordedIsRedoneOnRedelivery() {
        paths.crash = true;
        try {
            projection.onOrgUnitMoved("n", 2, from, to);
        } catch (IllegalStateException expected) {
            // the consumer retries the record
        }
        assertThat(projection.onOrgUnitMoved("n", 2, from, to)).isEqualTo(Effect.APPLIED);
        assertThat(paths.rewrites).hasSize(2);
    }
}
