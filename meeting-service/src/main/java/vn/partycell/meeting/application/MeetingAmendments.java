package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.AmendmentEvent;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Corrections of closed minutes: the committee proposes, a second person with the secretary's role
 * or above over the cell (a superior included) approves or rejects; approval publishes the corrected
 * facts.
 */
@Service
public class MeetingAmendments {

    private final AmendmentRepository amendments;
    private final MeetingRepository meetings;
    private final Clock clock;

    public MeetingAmendments(AmendmentRepository amendments, MeetingRepository meetings, Clock clock) {
        this.amendments = amendments;
        this.meetings = meetings;
        this.clock = clock;
    }

    public Amendment propose(Caller caller, MeetingId id, List<Attendance> lines, String reason) {
        ClosedMeeting meeting = closed(caller, id, Role.COMMITTEE);
        Change<Amendment, AmendmentEvent> change = Amendment.propose(
                meeting,
                Amendment.corrected(meeting, amendments.ofMeeting(id)),
                lines,
                reason,
                caller.username(),
                clock.instant());
        amendments.insert(change);
        return change.state();
    }

    public Amendment decide(
            Caller caller, MeetingId id, UUID amendmentId, Long expectedVersion, boolean approve, String note) {
        ClosedMeeting meeting = closed(caller, id, Role.SECRETARY);
        Amendment amendment = amendments
                .find(amendmentId)
                .filter(a -> a.meetingId().equals(id))
                .orElseThrow(() -> new NotFoundException("đính chính", amendmentId));
        vn.partycell.platform.kernel.Versions.requireCurrent(expectedVersion, amendment.version(), "Đính chính");
        Change<Amendment, AmendmentEvent> change = amendment.decide(
                meeting,
                Amendment.corrected(meeting, amendments.ofMeeting(id)),
                approve,
                note,
                caller.username(),
                clock.instant());
        amendments.update(change, amendment.version());
        return change.state();
    }

    public List<Amendment> list(Caller caller, MeetingId id) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return amendments.ofMeeting(id);
    }

    private ClosedMeeting closed(Caller caller, MeetingId id, Role role) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRole(meeting.orgPath(), role);
        if (meeting instanceof ClosedMeeting closed) {
            return closed;
        }
        throw new RuleViolationException(
                "meeting-not-closed",
                "Chỉ đính chính biên bản của buổi sinh hoạt đã kết thúc; buổi đang mở thì sửa trực tiếp",
                java.util.Map.of("field", "status", "status", meeting.status().name()));
    }
}
