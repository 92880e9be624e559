package vn.partycell.meeting.application;

import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** Port: meetings, each change stored together with the events the meeting decided, in one write. */
public interface MeetingRepository {

    Optional<Meeting> find(MeetingId id);

    void insert(Change<? extends Meeting, MeetingEvent> change);

    /**
     * Stores the new state and its events if the stored meeting is still at {@code expectedVersion};
     * otherwise a {@code ConflictException} "stale-version" (409) and nothing is written.
     */
    void update(Change<? extends Meeting, MeetingEvent> change, long expectedVersion);

    /**
     * Meetings the caller may read, optionally of one cell and in one status; sorted by the API's
     * field names {@code startsAt}, {@code title}, {@code status}.
     */
    ResultPage<Meeting> search(Caller caller, CellId cellId, MeetingStatus status, PageQuery page);
}
