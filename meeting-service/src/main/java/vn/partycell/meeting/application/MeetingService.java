package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.Collection;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Commands on a meeting: schedule it, take attendance and speakers, close it. The cell's committee
 * (chi ủy) and secretary run meetings. The meeting decides its events; this class stores what it
 * returns.
 */
@Service
public class MeetingService {

    private final MeetingRepository meetings;
    private final RosterRepository rosters;
    private final MeetingPolicy policy;
    private final Clock clock;

    public MeetingService(MeetingRepository meetings, RosterRepository rosters, MeetingPolicy policy, Clock clock) {
        this.meetings = meetings;
        this.rosters = rosters;
        this.policy = policy;
        this.clock = clock;
    }

    public ScheduledMeeting schedule(Caller caller, ScheduleMeeting command) {
        Cell cell = rosters.cell(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        Change<ScheduledMeeting, MeetingEvent> change = Meeting.schedule(
                MeetingId.random(),
                cell,
                command.kind(),
                command.title(),
                command.startsAt(),
                command.place(),
                command.agenda());
        meetings.insert(change);
        return change.state();
    }

    public ScheduledMeeting recordAttendance(
            Caller caller, MeetingId id, Long expectedVersion, Collection<Attendance> entries) {
        ScheduledMeeting meeting = forChange(caller, id, expectedVersion);
        Change<ScheduledMeeting, MeetingEvent> change = meeting.recordAttendance(entries, roster(meeting));
        meetings.update(change, meeting.version());
        return change.state();
    }

    public ClosedMeeting close(Caller caller, MeetingId id, Long expectedVersion) {
        ScheduledMeeting meeting = forChange(caller, id, expectedVersion);
        Change<ClosedMeeting, MeetingEvent> change = meeting.close(
                roster(meeting),
                policy.quorum(meeting.localStart().getYear(), meeting.kind()),
                caller.username(),
                clock.instant());
        meetings.update(change, meeting.version());
        return change.state();
    }

    /** Scope and role first (404/403), then the version the caller read (409), then the state (409). */
    private ScheduledMeeting forChange(Caller caller, MeetingId id, Long expectedVersion) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        Versions.requireCurrent(expectedVersion, meeting.version(), "Buổi sinh hoạt");
        return meeting.requireOpen();
    }

    private Roster roster(Meeting meeting) {
        return new Roster(rosters.roster(meeting.cellId()));
    }
}
