package vn.partycell.notification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.notification.domain.TaskReminder;

/** Task reminders in maps, with the same "cancelled and sent stay so" rules as the Mongo adapter. */
public class InMemoryTaskReminderRepository implements TaskReminderRepository {

    public final Map<TaskId, TaskReminder> reminders = new HashMap<>();
    public final Set<TaskId> cancelled = new HashSet<>();
    public final Map<TaskId, Instant> sent = new HashMap<>();

    @Override
    public void schedule(TaskReminder reminder, String eventId) {
        reminders.put(reminder.task().taskId(), reminder);
    }

    @Override
    public boolean cancel(TaskId taskId) {
        return cancelled.add(taskId);
    }

    @Override
    public Optional<TaskReminder> find(TaskId taskId) {
        return Optional.ofNullable(reminders.get(taskId));
    }

    @Override
    public List<TaskReminder> pendingDueOn(LocalDate day) {
        return reminders.values().stream()
                .filter(r -> r.task().dueOn().equals(day))
                .filter(r -> !cancelled.contains(r.task().taskId())
                        && !sent.containsKey(r.task().taskId()))
                .toList();
    }

    @Override
    public void markSent(TaskId taskId, Instant at) {
        sent.putIfAbsent(taskId, at);
    }
}
