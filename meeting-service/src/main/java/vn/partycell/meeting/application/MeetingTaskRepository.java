package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.TaskEvent;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** Port: tasks, each change stored together with its events in one write. */
public interface MeetingTaskRepository {

    Optional<MeetingTask> find(TaskId id);

    /** The tasks of these ids that exist (the overdue watch reads a day's bucket of ids). */
    List<MeetingTask> findAll(Collection<TaskId> ids);

    /** The tasks assigned at one meeting (a cell's present members bound them). */
    List<MeetingTask> ofMeeting(MeetingId meetingId);

    void insert(Change<MeetingTask, TaskEvent> change);

    /** Stores the change if the stored task is still at {@code expectedVersion}, else 409 "stale-version". */
    void update(Change<MeetingTask, TaskEvent> change, long expectedVersion);

    /**
     * Open tasks of a cell (no done report, no confirmed outcome) due on or before {@code until},
     * leaving out those assigned at {@code except} (null: none), the most overdue first; sorted by
     * the API's field {@code dueOn}.
     */
    ResultPage<MeetingTask> openInCell(CellId cellId, MeetingId except, LocalDate until, PageQuery page);
}
