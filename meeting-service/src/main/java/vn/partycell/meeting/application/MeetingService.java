package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.CancelledMeeting;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.DraftMeeting;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberMeetingFacts;
import vn.partycell.meeting.domain.QuorumRule;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Commands on a meeting's life cycle: draft or schedule it, change or cancel it, start it, take
 * attendance and speakers, close it. The cell's committee (chi ủy) and secretary run meetings. The
 * meeting decides its events; this class stores what it returns.
 */
@Service
public class MeetingService {

    private final MeetingRepository meetings;
    private final RosterRepository rosters;
    private final MeetingPolicy policy;
    private final LifecyclePolicy lifecycle;
    private final AcceptedExcuses excuses;
    private final Clock clock;
    private final List<CloseGuard> closeGuards;
    private final List<ClosingFacts> closingFacts;

    public MeetingService(
            MeetingRepository meetings,
            RosterRepository rosters,
            MeetingPolicy policy,
            LifecyclePolicy lifecycle,
            AcceptedExcuses excuses,
            Clock clock) {
        this(meetings, rosters, policy, lifecycle, excuses, clock, List.of(), List.of());
    }

    /**
     * With the conditions other parts of the service set on closing (tasks at the conclusion, …) and
     * the parts that know what members did (proceedings, self-criticism, tasks), for the event.
     */
    @Autowired
    public MeetingService(
            MeetingRepository meetings,
            RosterRepository rosters,
            MeetingPolicy policy,
            LifecyclePolicy lifecycle,
            AcceptedExcuses excuses,
            Clock clock,
            List<CloseGuard> closeGuards,
            List<ClosingFacts> closingFacts) {
        this.meetings = meetings;
        this.rosters = rosters;
        this.policy = policy;
        this.lifecycle = lifecycle;
        this.excuses = excuses;
        this.clock = clock;
        this.closeGuards = List.copyOf(closeGuards);
        this.closingFacts = List.copyOf(closingFacts);
    }

    /** Schedules (notice and event) or, with {@code draft}, only prepares the meeting. */
    public Meeting schedule(Caller caller, ScheduleMeeting command) {
        Cell cell = rosters.cell(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        MeetingPlan plan = presentersChecked(command.plan(), cell.id());
        Change<? extends Meeting, MeetingEvent> change = command.draft()
                ? Meeting.draft(MeetingId.random(), cell, plan, clock.instant())
                : Meeting.schedule(MeetingId.random(), cell, plan, clock.instant());
        meetings.insert(change);
        return change.state();
    }

    /**
     * Enters a meeting already held, from its paper minutes: only an admin over the cell (the office
     * loading a cell's history), since a meeting dated in the past changes the cell's compliance and
     * its members' scores. It is in progress at once; nobody is told.
     */
    public InProgressMeeting recordHeld(Caller caller, RecordHeldMeeting command) {
        Cell cell = rosters.cell(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.ADMIN);
        MeetingPlan plan = presentersChecked(command.plan(), cell.id());
        Change<InProgressMeeting, MeetingEvent> change =
                Meeting.recordHeld(MeetingId.random(), cell, plan, caller.username(), clock.instant());
        meetings.insert(change);
        return change.state();
    }

    /** Sends the notice of a draft. */
    public ScheduledMeeting scheduleDraft(Caller caller, MeetingId id, Long expectedVersion) {
        DraftMeeting draft = forChange(caller, id, expectedVersion).requireDraft();
        return store(draft.schedule(clock.instant()), draft);
    }

    /**
     * Changes a draft silently, or a scheduled meeting with the event that tells the members again
     * (the new notice supersedes the earlier one).
     */
    public Meeting change(Caller caller, MeetingId id, Long expectedVersion, ChangeMeeting command) {
        Meeting meeting = forChange(caller, id, expectedVersion);
        MeetingPlan next = presentersChecked(command.applyTo(meeting.plan()), meeting.cellId());
        if (meeting instanceof DraftMeeting draft) {
            return store(draft.edit(next, clock.instant()), draft);
        }
        ScheduledMeeting scheduled = meeting.requireScheduled();
        Change<ScheduledMeeting, MeetingEvent> change = scheduled.change(next, clock.instant());
        if (change.state() == scheduled) {
            return scheduled;
        }
        return store(change, scheduled);
    }

    /** Cancels a draft (silently) or a scheduled meeting (members are told), with the reason. */
    public CancelledMeeting cancel(Caller caller, MeetingId id, Long expectedVersion, String reason) {
        Meeting meeting = forChange(caller, id, expectedVersion);
        if (meeting instanceof DraftMeeting draft) {
            return store(draft.cancel(reason, caller.username(), clock.instant()), draft);
        }
        ScheduledMeeting scheduled = meeting.requireScheduled();
        return store(scheduled.cancel(reason, caller.username(), clock.instant()), scheduled);
    }

    /** Opens the meeting, not before its start minus the year's tolerance; accepted excuses pre-fill attendance. */
    public InProgressMeeting start(Caller caller, MeetingId id, Long expectedVersion) {
        ScheduledMeeting meeting = forChange(caller, id, expectedVersion).requireScheduled();
        Map<MemberId, String> accepted = excuses.acceptedFor(meeting.id());
        Change<InProgressMeeting, MeetingEvent> change = meeting.start(
                lifecycle.startTolerance(meeting.localStart().getYear()), accepted, caller.username(), clock.instant());
        return store(change, meeting);
    }

    public InProgressMeeting recordAttendance(
            Caller caller, MeetingId id, Long expectedVersion, Collection<Attendance> entries) {
        InProgressMeeting meeting = forChange(caller, id, expectedVersion).requireInProgress();
        return store(meeting.recordAttendance(entries, roster(meeting)), meeting);
    }

    /**
     * Closes a meeting in progress: a meeting not yet started cannot be closed (422 meeting-not-started).
     * Every refusal comes first, in the same order as before (the meeting's own rules, then the
     * guards); the members' facts for the event are gathered only for a close that will be stored.
     */
    public ClosedMeeting close(Caller caller, MeetingId id, Long expectedVersion) {
        InProgressMeeting meeting = forChange(caller, id, expectedVersion).requireInProgress();
        Roster roster = roster(meeting);
        QuorumRule quorum = policy.quorum(meeting.localStart().getYear(), meeting.kind());
        meeting.requireClosable(roster, quorum);
        closeGuards.forEach(guard -> guard.beforeClose(meeting, roster));
        Change<ClosedMeeting, MeetingEvent> change =
                meeting.close(roster, quorum, caller.username(), clock.instant(), facts(meeting));
        return store(change, meeting);
    }

    private Map<MemberId, MemberMeetingFacts> facts(InProgressMeeting meeting) {
        Map<MemberId, MemberMeetingFacts> facts = new java.util.LinkedHashMap<>();
        closingFacts.forEach(
                part -> part.of(meeting).forEach((member, f) -> facts.merge(member, f, MemberMeetingFacts::plus)));
        return facts;
    }

    private <M extends Meeting> M store(Change<M, MeetingEvent> change, Meeting before) {
        meetings.update(change, before.version());
        return change.state();
    }

    /** Scope and role first (404/403), then the version the caller read (409); the state is the command's. */
    private Meeting forChange(Caller caller, MeetingId id, Long expectedVersion) {
        Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        Versions.requireCurrent(expectedVersion, meeting.version(), "Buổi sinh hoạt");
        if (meeting.status() == MeetingStatus.CLOSED || meeting.status() == MeetingStatus.CANCELLED) {
            throw meeting.refusal(MeetingStatus.SCHEDULED);
        }
        return meeting;
    }

    /** Presenters named on the agenda are on the cell's roster (the roster is read only when one is named). */
    private MeetingPlan presentersChecked(MeetingPlan plan, vn.partycell.meeting.domain.CellId cellId) {
        if (plan.agendaItems().stream().allMatch(item -> item.presenter() == null)) {
            return plan;
        }
        return plan.requirePresentersOn(new Roster(rosters.roster(cellId)));
    }

    private Roster roster(Meeting meeting) {
        return new Roster(rosters.roster(meeting.cellId()));
    }
}
