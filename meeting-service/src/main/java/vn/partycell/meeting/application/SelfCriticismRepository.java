package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;

/** Port: self-criticism rounds, one per cell and month, each change stored with its events in one write. */
public interface SelfCriticismRepository {

    Optional<SelfCriticismRound> find(SelfCriticismRoundId id);

    /** Every round of the cell, oldest month first: the rotation's history. */
    List<SelfCriticismRound> ofCell(CellId cellId);

    /**
     * Stores the change: inserted when {@code expectedVersion} is 0 (a second insert of the same cell
     * and month is a 409), else only if the stored round is still at that version (409
     * "stale-version").
     */
    void save(Change<SelfCriticismRound, SelfCriticismEvent> change, long expectedVersion);
}
