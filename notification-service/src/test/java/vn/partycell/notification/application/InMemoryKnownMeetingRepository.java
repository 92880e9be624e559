package vn.partycell.notification.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingId;

/** The known meetings in a map, newer version wins, for use-case tests. */
public class InMemoryKnownMeetingRepository implements KnownMeetingRepository {

    public final Map<MeetingId, KnownMeeting> meetings = new HashMap<>();

    @Override
    public boolean saveIfNewer(KnownMeeting meeting) {
        KnownMeeting stored = meetings.get(meeting.meetingId());
        if (stored != null && stored.version() >= meeting.version()) {
            return false;
        }
        meetings.put(meeting.meetingId(), meeting);
        return true;
    }

    @Override
    public Optional<KnownMeeting> find(MeetingId meetingId) {
        return Optional.ofNullable(meetings.get(meetingId));
    }
}
