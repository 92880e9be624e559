package vn.partycell.notification.application;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.AssignedTask;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.OverdueTask;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.notification.domain.TaskNotices;
import vn.partycell.notification.domain.TaskReminder;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * The notices of a member's concrete task (DOMAIN §7): the owner is told of the assignment at once
 * and reminded shortly before the due date ({@link TaskDueSoonReminders}); a task found or confirmed
 * overdue reaches the owner and, if known, the cell's secretary. A task done (on time or late, or
 * reported done by its owner) cancels its pending reminder.
 *
 * <p><b>Exactly once per person and fact.</b> Every notice is stored insert-if-absent under its
 * (recipient, fact) id and a reminder stays cancelled or sent once it is, so a redelivery or a
 * replay of the task topic sends nothing twice.
 */
@Service
public class TaskNoticeReactions {

    private final NoticeRepository notices;
    private final TaskReminderRepository reminders;
    private final KnownMeetingRepository meetings;
    private final SecretaryRepository secretaries;
    private final RosterRepository roster;

    public TaskNoticeReactions(
            NoticeRepository notices,
            TaskReminderRepository reminders,
            KnownMeetingRepository meetings,
            SecretaryRepository secretaries,
            RosterRepository roster) {
        this.notices = notices;
        this.reminders = reminders;
        this.meetings = meetings;
        this.secretaries = secretaries;
        this.roster = roster;
    }

    /** A meeting scheduled or changed: remembered so the notices of its tasks can name it. */
    public Effect onMeetingPlanned(KnownMeeting meeting) {
        return meetings.saveIfNewer(meeting) ? Effect.APPLIED : Effect.DUPLICATE;
    }

    /**
     * Tells the owner and keeps the due-soon reminder. A task already past due when it is assigned
     * (one of a meeting entered afterwards, from its paper minutes) is history: no notice, no
     * reminder. Judged on the event's own time, so a replay decides the same.
     */
    public Effect onTaskAssigned(AssignedTask task, Occurrence occurrence) {
        if (task.dueOn().isBefore(VietnamTime.date(occurrence.at()))) {
            return Effect.NO_EFFECT;
        }
        KnownMeeting meeting = meetings.find(task.meetingId()).orElse(null);
        reminders.schedule(new TaskReminder(task, meeting), occurrence.eventId());
        return notices.insertIfAbsent(List.of(TaskNotices.assigned(task, meeting, occurrence))) > 0
                ? Effect.APPLIED
                : Effect.DUPLICATE;
    }

    /** Done on time or late (or reported done): no reminder any more. */
    public Effect onTaskDone(TaskId taskId) {
        return reminders.cancel(taskId) ? Effect.APPLIED : Effect.DUPLICATE;
    }

    public Effect onTaskOverdue(OverdueTask task, Occurrence occurrence) {
        // Past its due date a reminder would come too late; the overdue notice says it all.
        reminders.cancel(task.taskId());
        String title = reminders.find(task.taskId()).map(r -> r.task().title()).orElse(null);
        String ownerName =
                roster.member(task.ownerId()).map(RosterMember::fullName).orElse(null);
        MemberId secretary =
                secretaries.secretaryOf(new OrgUnitId(task.cellId().value())).orElse(null);
        List<Notice> toSend = TaskNotices.overdue(task, title, ownerName, secretary, occurrence);
        return notices.insertIfAbsent(toSend) > 0 ? Effect.APPLIED : Effect.DUPLICATE;
    }
}
