package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.TaskCoverage;
import vn.partycell.meeting.domain.TaskEvent;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.meeting.domain.TaskProgress;
import vn.partycell.meeting.domain.TaskWaiver;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Tasks at a meeting's conclusion (giao nhiệm vụ khi kết luận) and after: the committee assigns
 * them while the meeting is in progress, the secretary records why a present member gets none, the
 * owner reports progress, the secretary confirms the outcome and corrects it by a correcting record.
 * Reads: the owner reads their task; the committee reads the meeting's task sheet and what is due
 * and overdue in the cell.
 */
@Service
public class MeetingTaskService {

    private final MeetingTaskRepository tasks;
    private final TaskWaiverRepository waivers;
    private final TaskDueDays dueDays;
    private final MeetingRepository meetings;
    private final RosterRepository rosters;
    private final TaskPolicy policy;
    private final Clock clock;

    public MeetingTaskService(
            MeetingTaskRepository tasks,
            TaskWaiverRepository waivers,
            TaskDueDays dueDays,
            MeetingRepository meetings,
            RosterRepository rosters,
            TaskPolicy policy,
            Clock clock) {
        this.tasks = tasks;
        this.waivers = waivers;
        this.dueDays = dueDays;
        this.meetings = meetings;
        this.rosters = rosters;
        this.policy = policy;
        this.clock = clock;
    }

    /** A meeting's tasks, the reasons recorded for members without one, and who is still uncovered. */
    public record TaskSheet(
            Meeting meeting,
            List<MeetingTask> tasks,
            List<TaskWaiver> waivers,
            List<TaskCoverage.Uncovered> uncovered,
            TaskPolicy.CloseWithoutTask closeWithoutTask) {}

    /** Open tasks of a cell as of a day: due up to {@code until}, overdue before {@code asOf}. */
    public record DueTasks(LocalDate asOf, LocalDate until, ResultPage<MeetingTask> page) {}

    public MeetingTask assign(Caller caller, MeetingId meetingId, AssignTask command) {
        Meeting meeting = meeting(meetingId);
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        InProgressMeeting held = meeting.requireInProgress();
        Change<MeetingTask, TaskEvent> change = MeetingTask.assign(
                TaskId.random(),
                held,
                roster(held),
                command.ownerId(),
                command.title(),
                command.description(),
                command.dueOn(),
                caller.username(),
                clock.instant());
        // The day's bucket first: a task is never stored without the watch being able to find it.
        dueDays.add(change.state().dueOn(), change.state().id());
        tasks.insert(change);
        return change.state();
    }

    public TaskWaiver waive(Caller caller, MeetingId meetingId, MemberId member, String reason) {
        Meeting meeting = meeting(meetingId);
        caller.requireRole(meeting.orgPath(), Role.SECRETARY);
        InProgressMeeting held = meeting.requireInProgress();
        TaskWaiver waiver = TaskWaiver.record(held, roster(held), member, reason, caller.username(), clock.instant());
        waivers.save(waiver);
        return waiver;
    }

    public TaskSheet sheet(Caller caller, MeetingId meetingId) {
        Meeting meeting = meeting(meetingId);
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        List<MeetingTask> assigned = tasks.ofMeeting(meetingId);
        List<TaskWaiver> recorded = waivers.ofMeeting(meetingId);
        return new TaskSheet(
                meeting,
                assigned,
                recorded,
                TaskCoverage.uncovered(meeting, roster(meeting), assigned, recorded),
                policy.closeWithoutTask(meeting.localStart().getYear()));
    }

    /** The owner, or the cell's committee and above; another member of the cell gets 403. */
    public MeetingTask get(Caller caller, TaskId id) {
        MeetingTask task = readable(caller, id);
        if (!caller.isMember(task.ownerId().value()) && !caller.canAct(task.orgPath(), Role.COMMITTEE)) {
            throw new ForbiddenException("Chỉ người được giao và chi ủy mới xem nhiệm vụ này");
        }
        return task;
    }

    /** Only the owner reports (403 for anybody else, the secretary too). */
    public MeetingTask report(
            Caller caller, TaskId id, Long expectedVersion, TaskProgress progress, String note, LocalDate doneOn) {
        MeetingTask task = readable(caller, id);
        MemberId by = caller.memberId()
                .map(MemberId::new)
                .orElseThrow(() -> new ForbiddenException("Chỉ người được giao mới báo cáo tiến độ nhiệm vụ"));
        Versions.requireCurrent(expectedVersion, task.version(), "Nhiệm vụ");
        return store(task.report(by, progress, note, doneOn, clock.instant()), task);
    }

    public MeetingTask confirm(Caller caller, TaskId id, Long expectedVersion, boolean beyondAsked, String note) {
        return confirm(caller, id, expectedVersion, beyondAsked, note, null);
    }

    /** With the done date as the secretary records it, for a task its owner did not report done. */
    public MeetingTask confirm(
            Caller caller, TaskId id, Long expectedVersion, boolean beyondAsked, String note, LocalDate doneOn) {
        MeetingTask task = forSecretary(caller, id, expectedVersion);
        return store(task.confirm(beyondAsked, note, doneOn, caller.username(), clock.instant()), task);
    }

    public MeetingTask correct(
            Caller caller,
            TaskId id,
            Long expectedVersion,
            boolean beyondAsked,
            String note,
            LocalDate doneOn,
            String reason) {
        MeetingTask task = forSecretary(caller, id, expectedVersion);
        return store(task.correct(beyondAsked, note, doneOn, reason, caller.username(), clock.instant()), task);
    }

    /** What is due (up to {@code until}, by default a month ahead) and overdue in a cell as of today. */
    public DueTasks dueInCell(Caller caller, CellId cellId, LocalDate until, PageQuery page) {
        Cell cell = rosters.cell(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRole(cell.orgPath(), Role.COMMITTEE);
        LocalDate asOf = VietnamTime.date(clock.instant());
        LocalDate to = until == null ? asOf.plusMonths(1) : until;
        return new DueTasks(asOf, to, tasks.openInCell(cellId, null, to, page));
    }

    /**
     * What a meeting reviews: the cell's open tasks from earlier meetings, overdue before the
     * meeting's day or due within the month after it (until the next regular meeting).
     */
    public DueTasks dueAtMeeting(Caller caller, MeetingId meetingId, PageQuery page) {
        Meeting meeting = meeting(meetingId);
        caller.requireRole(meeting.orgPath(), Role.COMMITTEE);
        LocalDate asOf = meeting.localStart().toLocalDate();
        LocalDate until = asOf.plusMonths(1);
        return new DueTasks(asOf, until, tasks.openInCell(meeting.cellId(), meetingId, until, page));
    }

    private MeetingTask forSecretary(Caller caller, TaskId id, Long expectedVersion) {
        MeetingTask task = tasks.find(id).orElseThrow(() -> new NotFoundException("nhiệm vụ", id));
        caller.requireRole(task.orgPath(), Role.SECRETARY);
        Versions.requireCurrent(expectedVersion, task.version(), "Nhiệm vụ");
        return task;
    }

    private MeetingTask readable(Caller caller, TaskId id) {
        MeetingTask task = tasks.find(id).orElseThrow(() -> new NotFoundException("nhiệm vụ", id));
        caller.requireRead(task.orgPath(), "nhiệm vụ", id);
        return task;
    }

    private MeetingTask store(Change<MeetingTask, TaskEvent> change, MeetingTask before) {
        tasks.update(change, before.version());
        return change.state();
    }

    private Meeting meeting(MeetingId id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
    }

    private Roster roster(Meeting meeting) {
        return new Roster(rosters.roster(meeting.cellId()));
    }
}
