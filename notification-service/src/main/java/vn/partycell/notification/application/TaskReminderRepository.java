package vn.partycell.notification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.notification.domain.TaskReminder;

/**
 * Port: the tasks' pending "due soon" reminders, found by their due day (a bucket per day), never by
 * a scan of all tasks. A cancelled reminder stays cancelled whatever is delivered again.
 */
public interface TaskReminderRepository {

    /**
     * Stores the task's reminder (with the id of the event that last stored it) and files it under
     * its due day; a cancelled or sent one stays so.
     */
    void schedule(TaskReminder reminder, String eventId);

    /** Cancels the task's reminder (the task is done), even before its assignment is seen; false if it already was. */
    boolean cancel(TaskId taskId);

    /** The task as its assignment was stored, cancelled or not. */
    Optional<TaskReminder> find(TaskId taskId);

    /** Reminders of tasks due on {@code day} that are neither cancelled nor sent. */
    List<TaskReminder> pendingDueOn(LocalDate day);

    /** Marks the reminder sent at {@code at}, so later runs skip it. */
    void markSent(TaskId taskId, Instant at);
}
