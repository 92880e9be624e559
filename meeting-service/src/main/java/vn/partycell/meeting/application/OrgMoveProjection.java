package vn.partycell.meeting.application;

import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Follows moves of the org tree (members.org-unit.moved): the moved node's snapshot, then the path
 * of every cell, roster line and meeting under its previous path. Version-guarded per node, and the
 * move is recorded only after the rewrite, so a redelivery after a crash redoes the (idempotent)
 * rewrite and an older move delivered late changes nothing.
 */
@Service
public class OrgMoveProjection {

    private final RosterProjection rosters;
    private final OrgPathRewrites paths;

    public OrgMoveProjection(RosterProjection rosters, OrgPathRewrites paths) {
        this.rosters = rosters;
        this.paths = paths;
    }

    public RosterUpdate onOrgUnitMoved(Cell moved, OrgPath previousPath, Occurrence occurrence) {
        OrgUnitId node = new OrgUnitId(moved.id().value());
        if (!paths.isNewerMove(node, moved.version())) {
            return RosterUpdate.ALREADY_CURRENT;
        }
        rosters.onOrgUnitChanged(moved, occurrence);
        paths.rewrite(previousPath, moved.orgPath());
        paths.recordMove(node, moved.version());
        return RosterUpdate.APPLIED;
    }
}
