package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Use cases of a meeting: schedule it, take attendance and speakers, close it. The cell's committee
 * (chi ủy) and secretary run meetings; members and superiors read them.
 */
@Service
public class MeetingService {

    private final Meetings meetings;
    private final RosterStore rosters;
    private final MeetingPolicy policy;
    private final Clock clock;

    public MeetingService(Meetings meetings, RosterStore rosters, MeetingPolicy policy, Clock clock) {
        this.meetings = meetings;
        this.rosters = rosters;
        this.policy = policy;
        this.clock = clock;
    }

    public Meeting schedule(Caller caller, ScheduleMeeting command) {
        Cell cell = rosters.cell(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        Meeting meeting = Meeting.schedule(
                UUID.randomUUID(),
                cell,
                command.kind(),
                command.title(),
                command.startsAt(),
                command.place(),
                command.agenda());
        meetings.insert(meeting, new MeetingEvent.Scheduled(meeting));
        return meeting;
    }

    public Meeting get(Caller caller, UUID id) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return meeting;
    }

    public Page<Meeting> search(Caller caller, UUID cellId, MeetingStatus status, Pageable pageable) {
        return meetings.search(caller, cellId, status, pageable);
    }

    public Meeting recordAttendance(Caller caller, UUID id, Long expectedVersion, Collection<Attendance> entries) {
        Meeting meeting = forChange(caller, id, expectedVersion);
        Meeting changed = meeting.recordAttendance(entries, roster(meeting));
        meetings.update(changed, meeting.version(), null);
        return changed;
    }

    public Meeting close(Caller caller, UUID id, Long expectedVersion) {
        Meeting meeting = forChange(caller, id, expectedVersion);
        Meeting closed = meeting.close(
                roster(meeting),
                policy.quorum(meeting.localStart().getYear(), meeting.kind()),
                caller.username(),
                clock.instant());
        meetings.update(closed, meeting.version(), new MeetingEvent.Closed(closed));
        return closed;
    }

    private Meeting forChange(Caller caller, UUID id, Long expectedVersion) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        Versions.requireCurrent(expectedVersion, meeting.version(), "Buổi sinh hoạt");
        return meeting;
    }

    private Meeting.Roster roster(Meeting meeting) {
        return new Meeting.Roster(rosters.roster(meeting.cellId()));
    }
}
