package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.application.InMemoryKnownMeetingRepository;
import vn.partycell.notification.application.InMemoryNoticeRepository;
import vn.partycell.notification.application.InMemoryRosterRepository;
import vn.partycell.notification.application.InMemorySecretaryRepository;
import vn.partycell.notification.application.InMemoryTaskReminderRepository;
import vn.partycell.notification.application.TaskNoticeReactions;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/** The task events' reader: dispatch on the type, NO_EFFECT for a report that is not DONE, poison for a bad date. */
class TaskEventHandlerTest {

    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final InMemoryTaskReminderRepository reminders = new InMemoryTaskReminderRepository();
    final TaskEventHandler tasks = new TaskEventHandler(new TaskNoticeReactions(
            notices,
            reminders,
            new InMemoryKnownMeetingRepository(),
            new InMemorySecretaryRepository(),
            new InMemoryRosterRepository()));
    final UUID task = UUID.randomUUID();

    String assigned(String dueOn) {
        return """
                {"taskId":"%s","meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","ownerId":"%s",
                 "dueOn":"%s","title":"Thu đảng phí","description":null,"assignedBy":"bt","assignedAt":"2026-12-05T03:30:00Z",
                 "version":1}""".formatted(task, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), dueOn);
    }

    String reported(String progress) {
        return """
                {"taskId":"%s","meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","ownerId":"%s",
                 "dueOn":"2027-01-20","report":1,"progress":"%s","note":null,"doneOn":null,
                 "reportedAt":"2026-12-09T10:00:00Z","version":2}""".formatted(task, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), progress);
    }

    @Test
    void anAssignmentIsTheOwnersNoticeAndAReminderToCome() {
        assertThat(tasks.handle(MeetingEventHandlerTest.event("meetings.task.assigned", assigned("2027-01-20"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(notices.notices).hasSize(1);
        assertThat(reminders.reminders).hasSize(1);
    }

    @Test
    void onlyADoneReportCancelsTheReminder() {
        assertThat(tasks.handle(MeetingEventHandlerTest.event("meetings.task.reported", reported("IN_PROGRESS"))))
                .isEqualTo(Outcome.NO_EFFECT);
        assertThat(reminders.cancelled).isEmpty();
        assertThat(tasks.handle(MeetingEventHandlerTest.event("meetings.task.reported", reported("DONE"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(reminders.cancelled).hasSize(1);
    }

    @Test
    void aDueDateThatIsNoDateIsPoison() {
        assertThatThrownBy(() ->
                        tasks.handle(MeetingEventHandlerTest.event("meetings.task.assigned", assigned("2027-02-30"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("2027-02-30");
        assertThat(notices.notices).isEmpty();
    }

    @Test
    void otherTypesAreIgnored() {
        assertThat(tasks.handle(MeetingEventHandlerTest.event("meetings.meeting.closed", "{}")))
                .isEqualTo(Outcome.IGNORED);
    }
}
