package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.RosterMember;

/** Port: the read model of cells and rosters. Writes apply only newer versions. */
public interface RosterRepository {

    /**
     * Stores the snapshot, with the id of the event that carried it, unless the stored one is as
     * new or newer; false means nothing changed.
     */
    boolean saveIfNewer(RosterMember member, Occurrence occurrence);

    boolean saveIfNewer(Cell cell, Occurrence occurrence);

    Optional<Cell> cell(CellId id);

    /** The cell's members, by full name. */
    List<RosterMember> roster(CellId cellId);
}
