package vn.partycell.notification.adapter.in.events;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.TaskNoticeReactions;
import vn.partycell.notification.domain.AssignedTask;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.OverdueTask;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads meeting-service's task events ({@code meetings.task.v1}) by field name: an assignment is
 * the owner's notice and a reminder to come; done on time, done late or an owner's DONE report
 * cancels the reminder; overdue is the overdue notice. Other reports are NO_EFFECT.
 */
@Component
public class TaskEventHandler implements EventHandler {

    private final TaskNoticeReactions reactions;

    public TaskEventHandler(TaskNoticeReactions reactions) {
        this.reactions = reactions;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        String type = event.envelope().type();
        EventFields d = event.fields();
        return switch (type) {
            case EventContracts.TASK_ASSIGNED ->
                EventChecks.outcome(reactions.onTaskAssigned(assigned(d), EventChecks.occurrence(event)));
            case EventContracts.TASK_DONE_ON_TIME, EventContracts.TASK_DONE_LATE ->
                EventChecks.outcome(reactions.onTaskDone(new TaskId(d.uuid("taskId"))));
            case EventContracts.TASK_REPORTED ->
                "DONE".equals(d.text("progress"))
                        ? EventChecks.outcome(reactions.onTaskDone(new TaskId(d.uuid("taskId"))))
                        : Outcome.NO_EFFECT;
            case EventContracts.TASK_OVERDUE ->
                EventChecks.outcome(reactions.onTaskOverdue(overdue(d), EventChecks.occurrence(event)));
            default -> Outcome.IGNORED;
        };
    }

    static AssignedTask assigned(EventFields d) {
        TaskId taskId = new TaskId(d.uuid("taskId"));
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MemberId ownerId = new MemberId(d.uuid("ownerId"));
        String title = d.text("title");
        LocalDate dueOn = d.date("dueOn");
        return d.valid(() -> new AssignedTask(taskId, meetingId, cellId, orgPath, ownerId, title, dueOn));
    }

    static OverdueTask overdue(EventFields d) {
        TaskId taskId = new TaskId(d.uuid("taskId"));
        MeetingId meetingId = new MeetingId(d.uuid("meetingId"));
        CellId cellId = new CellId(d.uuid("cellId"));
        var orgPath = d.orgPath("orgPath");
        MemberId ownerId = new MemberId(d.uuid("ownerId"));
        LocalDate dueOn = d.date("dueOn");
        LocalDate detectedOn = d.date("detectedOn");
        return d.valid(() -> new OverdueTask(taskId, meetingId, cellId, orgPath, ownerId, dueOn, detectedOn));
    }
}
