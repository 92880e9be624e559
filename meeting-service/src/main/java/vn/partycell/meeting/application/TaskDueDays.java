package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.List;
import vn.partycell.meeting.domain.TaskId;

/**
 * Port: which tasks fall due on a day, kept where a unique key finds them (the overdue watch reads
 * the days that just ended, never all tasks). Idempotent: adding a task twice lists it once.
 */
public interface TaskDueDays {

    void add(LocalDate dueOn, TaskId task);

    List<TaskId> dueOn(LocalDate day);
}
