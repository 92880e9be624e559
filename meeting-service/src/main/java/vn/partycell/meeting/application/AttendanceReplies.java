package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.AttendanceReplyEvent;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Members confirm attendance or ask to be excused before a meeting; the secretary decides excuses.
 * Also the {@link AcceptedExcuses} the start of a meeting pre-fills attendance from.
 */
@Service
public class AttendanceReplies implements AcceptedExcuses {

    private final AttendanceReplyRepository replies;
    private final MeetingRepository meetings;
    private final RosterRepository rosters;
    private final Clock clock;

    public AttendanceReplies(
            AttendanceReplyRepository replies, MeetingRepository meetings, RosterRepository rosters, Clock clock) {
        this.replies = replies;
        this.meetings = meetings;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** The caller answers for themself (their member id from the token), in a meeting they may read. */
    public AttendanceReply reply(Caller caller, MeetingId id, boolean attending, String reason) {
        Meeting meeting = readable(caller, id);
        MemberId member = caller.memberId()
                .map(MemberId::new)
                .orElseThrow(() -> new ForbiddenException("Chỉ đảng viên mới trả lời thông báo họp"));
        AttendanceReply previous = replies.find(id, member).orElse(null);
        Change<AttendanceReply, AttendanceReplyEvent> change = AttendanceReply.reply(
                previous,
                meeting,
                new Roster(rosters.roster(meeting.cellId())),
                member,
                attending,
                reason,
                clock.instant());
        replies.save(change, previous == null ? 0 : previous.version());
        return change.state();
    }

    /** The secretary (or above) accepts or refuses an excuse. */
    public AttendanceReply decide(Caller caller, MeetingId id, MemberId member, boolean accepted, String note) {
        Meeting meeting = readable(caller, id);
        caller.requireRole(meeting.orgPath(), Role.SECRETARY);
        AttendanceReply reply =
                replies.find(id, member).orElseThrow(() -> new NotFoundException("đơn xin vắng", member));
        Change<AttendanceReply, AttendanceReplyEvent> change =
                reply.decide(meeting, accepted, note, caller.username(), clock.instant());
        replies.save(change, reply.version());
        return change.state();
    }

    /** Every answer to a meeting, for the committee preparing it. */
    public List<AttendanceReply> list(Caller caller, MeetingId id) {
        Meeting meeting = readable(caller, id);
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        return replies.ofMeeting(id);
    }

    @Override
    public Map<MemberId, String> acceptedFor(MeetingId meetingId) {
        Map<MemberId, String> accepted = new LinkedHashMap<>();
        for (AttendanceReply r : replies.ofMeeting(meetingId)) {
            if (r.answer() == AttendanceReply.Answer.EXCUSE_ACCEPTED) {
                accepted.put(r.memberId(), r.reason());
            }
        }
        return accepted;
    }

    private Meeting readable(Caller caller, MeetingId id) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return meeting;
    }
}
