package vn.partycell.notification.domain;

import java.time.LocalDate;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A task assigned to a member at a meeting's conclusion, as its notices need it (from
 * meetings.task.assigned): who owns it, what it is and by when (a Vietnamese local date).
 */
public record AssignedTask(
        TaskId taskId,
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MemberId ownerId,
        String title,
        LocalDate dueOn) {

    public AssignedTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(dueOn, "dueOn");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
    }
}
