package vn.partycell.meeting.application;

import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.AttendanceReplyEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.kernel.Change;

/** Port: members' answers to notices, one per meeting and member (the unique key), with their events. */
public interface AttendanceReplyRepository {

    Optional<AttendanceReply> find(MeetingId meetingId, MemberId memberId);

    List<AttendanceReply> ofMeeting(MeetingId meetingId);

    /** Inserts (expectedVersion 0) or updates at the version read; a race is a 409 stale-version. */
    void save(Change<AttendanceReply, AttendanceReplyEvent> change, long expectedVersion);
}
