package vn.partycell.meeting.application;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.security.Caller;

/** Port: meetings, each stored together with the events its change caused. */
public interface Meetings {

    Optional<Meeting> find(UUID id);

    void insert(Meeting meeting, MeetingEvent event);

    /** Stores the new state if the stored one is still at {@code expectedVersion}; events may be none. */
    void update(Meeting meeting, long expectedVersion, MeetingEvent event);

    Page<Meeting> search(Caller caller, UUID cellId, MeetingStatus status, Pageable pageable);
}
