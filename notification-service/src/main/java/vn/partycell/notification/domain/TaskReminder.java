package vn.partycell.notification.domain;

import java.util.Objects;

/**
 * A task's pending "due soon" reminder: the task and, if it was known when the task was assigned,
 * its meeting (null otherwise).
 */
public record TaskReminder(AssignedTask task, KnownMeeting meeting) {

    public TaskReminder {
        Objects.requireNonNull(task, "task");
    }
}
