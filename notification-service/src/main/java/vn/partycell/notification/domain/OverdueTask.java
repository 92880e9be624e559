package vn.partycell.notification.domain;

import java.time.LocalDate;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A task not done by its due date (meetings.task.overdue): found by meeting-service's daily watch
 * or confirmed so by the secretary. Either way it is one fact per task for the notices.
 */
public record OverdueTask(
        TaskId taskId,
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MemberId ownerId,
        LocalDate dueOn,
        LocalDate detectedOn) {

    public OverdueTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(detectedOn, "detectedOn");
    }
}
