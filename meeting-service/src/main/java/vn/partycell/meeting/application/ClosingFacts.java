package vn.partycell.meeting.application;

import java.util.Map;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;

/**
 * A part of meeting-service that knows what members did at a meeting being closed (its proceedings,
 * the month's self-criticism, the conclusion's tasks). Closing asks every part, so that the one
 * MeetingClosed event carries every per-member fact and scoring needs nothing else.
 */
public interface ClosingFacts {

    Map<MemberId, MemberMeetingFacts> of(InProgressMeeting meeting);
}
