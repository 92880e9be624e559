package vn.partycell.meeting.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/** The path-rewrite port in memory: the rewrites asked for, in order, and the last move per node. */
public class InMemoryOrgPathRewrites implements OrgPathRewrites {

    private final Map<OrgUnitId, Long> moves = new HashMap<>();
    private final List<List<OrgPath>> rewrites = new ArrayList<>();

    public List<List<OrgPath>> rewrites() {
        return List.copyOf(rewrites);
    }

    @Override
    public boolean isNewerMove(OrgUnitId node, long version) {
        return moves.getOrDefault(node, 0L) < version;
    }

    @Override
    public void rewrite(OrgPath from, OrgPath to) {
        rewrites.add(List.of(from, to));
    }

    @Override
    public void recordMove(OrgUnitId node, long version) {
        moves.merge(node, version, Math::max);
    }
}
