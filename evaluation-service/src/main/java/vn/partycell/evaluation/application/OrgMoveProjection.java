package vn.partycell.evaluation.application;

import org.springframework.stereotype.Service;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Follows moves of the org tree (members.org-unit.moved) so that scorecards stay readable by the
 * committees now above them: the path prefix of every scorecard under the node's previous path is
 * rewritten. Version-guarded per node; the move is recorded only after the rewrite, so a redelivery
 * after a crash redoes the idempotent rewrite and an older move delivered late changes nothing.
 */
@Service
public class OrgMoveProjection {

    private final OrgPathRewrites paths;

    public OrgMoveProjection(OrgPathRewrites paths) {
        this.paths = paths;
    }

    public Effect onOrgUnitMoved(String nodeId, long version, OrgPath previousPath, OrgPath newPath) {
        if (!paths.isNewerMove(nodeId, version)) {
            return Effect.DUPLICATE;
        }
        paths.rewrite(previousPath, newPath);
        paths.recordMove(nodeId, version);
        return Effect.APPLIED;
    }
}
