package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.platform.kernel.Change;

/**
 * Port: a meeting's proceedings, one record per meeting (keyed by the meeting id), stored with their
 * events in one write. The close use case reads them here for the per-member facts of the closing
 * event ({@code Proceedings.memberFacts}).
 */
public interface ProceedingsRepository {

    Optional<Proceedings> find(MeetingId meetingId);

    /**
     * Stores the proceedings if the stored ones are still at {@code expectedVersion} (0: none stored
     * yet), else 409 "stale-version"; the change's events go in the same write.
     */
    void save(Change<Proceedings, ProceedingsEvent> change, long expectedVersion);

    /** The congresses of a cell that counted an election, each with its local date. */
    List<CongressHeld> congressesOf(CellId cellId);

    record CongressHeld(MeetingId meetingId, LocalDate heldOn) {}
}
