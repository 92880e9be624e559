package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.AmendmentEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;

/** Port: amendments of closed minutes, each change stored with its events in one write. */
public interface AmendmentRepository {

    Optional<Amendment> find(UUID id);

    /** Every amendment of one meeting (a handful at most). */
    List<Amendment> ofMeeting(MeetingId meetingId);

    void insert(Change<Amendment, AmendmentEvent> change);

    /** At the version read, else 409 stale-version. */
    void update(Change<Amendment, AmendmentEvent> change, long expectedVersion);
}
