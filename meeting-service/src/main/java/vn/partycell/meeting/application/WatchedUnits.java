package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.OrgPath;

/** Port: the org nodes the compliance watch knows (every kind), newer versions win. */
public interface WatchedUnits {

    /**
     * Stores the snapshot unless the stored one is as new or newer; keeps the first {@code since}
     * unless the snapshot's is the node's founding date ({@link WatchedUnit#established()}).
     */
    boolean saveIfNewer(WatchedUnit unit, Occurrence occurrence);

    Optional<WatchedUnit> find(OrgUnitId id);

    /** Live (not dissolved) cells under a path, at most {@code limit} of them with an id after {@code afterId}, by id. */
    List<WatchedUnit> liveCells(OrgPath under, OrgUnitId afterId, int limit);
}
