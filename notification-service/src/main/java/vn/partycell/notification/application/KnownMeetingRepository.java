package vn.partycell.notification.application;

import java.util.Optional;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingId;

/** Port: the meetings task notices name, from meeting-service's meeting events; newer versions win. */
public interface KnownMeetingRepository {

    boolean saveIfNewer(KnownMeeting meeting);

    Optional<KnownMeeting> find(MeetingId meetingId);
}
