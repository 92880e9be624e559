package vn.partycell.evaluation.adapter.in.events;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.application.TaskProjection;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.TaskFact;
import vn.partycell.evaluation.domain.TaskId;
import vn.partycell.evaluation.domain.TaskOutcome;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's task events for the scorecards: meetings.task.assigned and the outcomes
 * (done-on-time, done-late, overdue); of each only the fields used, by name. meetings.task.reported
 * is ignored: the owner's report is not an outcome until the secretary confirms it. Data the
 * contract forbids can never be scored: it is poison and goes to the dead-letter topic.
 */
@Component
public class TaskEventHandler implements EventHandler {

    private final TaskProjection projection;

    public TaskEventHandler(TaskProjection projection) {
        this.projection = projection;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        EventFields d = event.fields();
        TaskFact fact = switch (event.envelope().type()) {
            case EventContracts.TASK_ASSIGNED -> assigned(d);
            case EventContracts.TASK_DONE_ON_TIME -> done(d, TaskOutcome.ON_TIME);
            case EventContracts.TASK_DONE_LATE -> done(d, TaskOutcome.LATE);
            case EventContracts.TASK_OVERDUE -> overdue(d);
            default -> null;
        };
        return fact == null ? Outcome.IGNORED : MeetingEventHandler.outcome(projection.on(fact));
    }

    static TaskFact assigned(EventFields d) {
        TaskId taskId = new TaskId(d.uuid("taskId"));
        MemberId ownerId = new MemberId(d.uuid("ownerId"));
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        LocalDate dueOn = d.date("dueOn");
        String title = d.text("title");
        var assignedAt = d.instant("assignedAt");
        long version = d.positiveLong("version");
        return d.valid(
                () -> new TaskFact.Assigned(taskId, ownerId, meetingId, cellId, dueOn, title, assignedAt, version));
    }

    static TaskFact done(EventFields d, TaskOutcome outcome) {
        TaskId taskId = new TaskId(d.uuid("taskId"));
        MemberId ownerId = new MemberId(d.uuid("ownerId"));
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        LocalDate dueOn = d.date("dueOn");
        LocalDate doneOn = d.date("doneOn");
        boolean beyondAsked = d.bool("beyondAsked");
        long version = d.positiveLong("version");
        return d.valid(() ->
                new TaskFact.Settled(taskId, ownerId, meetingId, cellId, dueOn, outcome, doneOn, beyondAsked, version));
    }

    static TaskFact overdue(EventFields d) {
        TaskId taskId = new TaskId(d.uuid("taskId"));
        MemberId ownerId = new MemberId(d.uuid("ownerId"));
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        LocalDate dueOn = d.date("dueOn");
        LocalDate detectedOn = d.date("detectedOn");
        long version = d.positiveLong("version");
        // The watch's detection and the secretary's confirmation count alike: the newest version wins.
        return d.valid(() -> new TaskFact.Settled(
                taskId, ownerId, meetingId, cellId, dueOn, TaskOutcome.OVERDUE, detectedOn, false, version));
    }
}
