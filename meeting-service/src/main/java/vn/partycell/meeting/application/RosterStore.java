package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.RosterMember;

/** Port: the read model of cells and rosters. Writes apply only newer versions. */
public interface RosterStore {

    /** Stores the snapshot unless the stored one is as new or newer; false means nothing changed. */
    boolean saveIfNewer(RosterMember member, String eventId);

    boolean saveIfNewer(Cell cell, String eventId);

    Optional<Cell> cell(UUID id);

    List<RosterMember> roster(UUID cellId);
}
