package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.ProgressReport;
import vn.partycell.meeting.domain.TaskEvent;
import vn.partycell.meeting.domain.TaskOutcome;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * The wire shapes of the task events (contracts meetings.task.*.v1 on {@code meetings.task.v1}),
 * keyed by the task id so one task's events stay in order; {@code version} is the task's own.
 */
@Component
public class TaskTopics implements OutboxEventMapper<TaskEvent> {

    public static final String TASKS = "meetings.task.v1";

    private final OutboundEvents events;

    public TaskTopics(OutboundEvents events) {
        this.events = events;
    }

    public record AssignedData(
            UUID taskId,
            UUID meetingId,
            UUID cellId,
            String orgPath,
            UUID ownerId,
            String title,
            String description,
            LocalDate dueOn,
            String assignedBy,
            Instant assignedAt,
            long version) {}

    public record ReportedData(
            UUID taskId,
            UUID meetingId,
            UUID cellId,
            String orgPath,
            UUID ownerId,
            LocalDate dueOn,
            int report,
            String progress,
            String note,
            LocalDate doneOn,
            Instant reportedAt,
            long version) {}

    public record OutcomeData(
            UUID taskId,
            UUID meetingId,
            UUID cellId,
            String orgPath,
            UUID ownerId,
            LocalDate dueOn,
            LocalDate doneOn,
            boolean beyondAsked,
            int revision,
            String note,
            String confirmedBy,
            Instant confirmedAt,
            String correctionReason,
            long version) {}

    public record OverdueData(
            UUID taskId,
            UUID meetingId,
            UUID cellId,
            String orgPath,
            UUID ownerId,
            LocalDate dueOn,
            LocalDate detectedOn,
            boolean confirmed,
            Integer revision,
            String confirmedBy,
            String correctionReason,
            long version) {}

    @Override
    public OutboxEvent toOutbox(TaskEvent event) {
        MeetingTask t = event.task();
        return switch (event) {
            case TaskEvent.Assigned a ->
                create(
                        EventContracts.TASK_ASSIGNED,
                        t,
                        new AssignedData(
                                t.id().value(),
                                t.meetingId().value(),
                                t.cellId().value(),
                                t.orgPath().value(),
                                t.ownerId().value(),
                                t.title(),
                                t.description(),
                                t.dueOn(),
                                t.assignedBy(),
                                t.assignedAt(),
                                t.version()));
            case TaskEvent.Reported r -> {
                ProgressReport p = t.reports().getLast();
                yield create(
                        EventContracts.TASK_REPORTED,
                        t,
                        new ReportedData(
                                t.id().value(),
                                t.meetingId().value(),
                                t.cellId().value(),
                                t.orgPath().value(),
                                t.ownerId().value(),
                                t.dueOn(),
                                p.seq(),
                                p.progress().name(),
                                p.note(),
                                p.doneOn(),
                                p.reportedAt(),
                                t.version()));
            }
            case TaskEvent.DoneOnTime d -> create(EventContracts.TASK_DONE_ON_TIME, t, outcome(t));
            case TaskEvent.DoneLate d -> create(EventContracts.TASK_DONE_LATE, t, outcome(t));
            case TaskEvent.Overdue o -> {
                TaskOutcome latest = o.confirmed() ? t.outcomes().getLast() : null;
                yield create(
                        EventContracts.TASK_OVERDUE,
                        t,
                        new OverdueData(
                                t.id().value(),
                                t.meetingId().value(),
                                t.cellId().value(),
                                t.orgPath().value(),
                                t.ownerId().value(),
                                t.dueOn(),
                                o.detectedOn(),
                                o.confirmed(),
                                latest == null ? null : latest.revision(),
                                latest == null ? null : latest.confirmedBy(),
                                latest == null ? null : latest.correctionReason(),
                                t.version()));
            }
        };
    }

    private static OutcomeData outcome(MeetingTask t) {
        TaskOutcome o = t.outcomes().getLast();
        return new OutcomeData(
                t.id().value(),
                t.meetingId().value(),
                t.cellId().value(),
                t.orgPath().value(),
                t.ownerId().value(),
                t.dueOn(),
                o.doneOn(),
                o.beyondAsked(),
                o.revision(),
                o.note(),
                o.confirmedBy(),
                o.confirmedAt(),
                o.correctionReason(),
                t.version());
    }

    private OutboxEvent create(String type, MeetingTask t, Object data) {
        return events.create(TASKS, type, t.id().toString(), t.orgPath(), data);
    }
}
