package vn.partycell.meeting.application;

import java.util.Map;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;

/** Port: the excuses the secretary accepted before a meeting, member to reason (pre-fill EXCUSED). */
public interface AcceptedExcuses {

    Map<MemberId, String> acceptedFor(MeetingId meetingId);
}
