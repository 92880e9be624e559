package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.TaskEvent;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** Tasks in a map, with the version check of the real store; events kept in order. */
public class InMemoryMeetingTaskRepository implements MeetingTaskRepository {

    final Map<TaskId, MeetingTask> tasks = new LinkedHashMap<>();
    final List<TaskEvent> events = new java.util.ArrayList<>();

    @Override
    public Optional<MeetingTask> find(TaskId id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public List<MeetingTask> findAll(Collection<TaskId> ids) {
        return ids.stream().map(tasks::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<MeetingTask> ofMeeting(MeetingId meetingId) {
        return tasks.values().stream()
                .filter(t -> t.meetingId().equals(meetingId))
                .toList();
    }

    @Override
    public void insert(Change<MeetingTask, TaskEvent> change) {
        tasks.put(change.state().id(), change.state());
        events.addAll(change.events());
    }

    @Override
    public void update(Change<MeetingTask, TaskEvent> change, long expectedVersion) {
        MeetingTask stored = tasks.get(change.state().id());
        if (stored == null || stored.version() != expectedVersion) {
            throw new ConflictException("stale-version", "stale");
        }
        tasks.put(change.state().id(), change.state());
        events.addAll(change.events());
    }

    @Override
    public ResultPage<MeetingTask> openInCell(CellId cellId, MeetingId except, LocalDate until, PageQuery page) {
        List<MeetingTask> open = tasks.values().stream()
                .filter(t -> t.cellId().equals(cellId) && t.open() && !t.dueOn().isAfter(until))
                .filter(t -> except == null || !t.meetingId().equals(except))
                .sorted(Comparator.comparing(MeetingTask::dueOn))
                .toList();
        return new ResultPage<>(
                open.stream().skip(page.offset()).limit(page.size()).toList(), page, open.size());
    }
}
