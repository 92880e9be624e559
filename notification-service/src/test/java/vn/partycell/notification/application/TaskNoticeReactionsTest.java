package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.AssignedTask;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.OverdueTask;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.domain.TaskId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The task notices' rules without a broker: who is told, that a done task keeps no reminder even if
 * the done fact comes first, and that the secretary is told only when known and not the owner.
 */
class TaskNoticeReactionsTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");
    static final LocalDate DUE = LocalDate.of(2027, 1, 20);

    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final InMemoryTaskReminderRepository reminders = new InMemoryTaskReminderRepository();
    final InMemoryKnownMeetingRepository meetings = new InMemoryKnownMeetingRepository();
    final InMemorySecretaryRepository secretaries = new InMemorySecretaryRepository();
    final InMemoryRosterRepository roster = new InMemoryRosterRepository();
    final TaskNoticeReactions reactions = new TaskNoticeReactions(notices, reminders, meetings, secretaries, roster);
    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId owner = new MemberId(UUID.randomUUID());
    final MeetingId meeting = new MeetingId(UUID.randomUUID());

    AssignedTask task(TaskId id) {
        return new AssignedTask(id, meeting, cell, PATH, owner, "Thu đảng phí quý IV", DUE);
    }

    OverdueTask overdue(TaskId id) {
        return new OverdueTask(id, meeting, cell, PATH, owner, DUE, DUE.plusDays(1));
    }

    static Occurrence occurrence() {
        return new Occurrence(UUID.randomUUID().toString(), Instant.parse("2026-12-05T03:30:00Z"));
    }

    @Test
    void aTaskDoneBeforeItsAssignmentIsSeenKeepsNoReminder() {
        TaskId id = new TaskId(UUID.randomUUID());
        assertThat(reactions.onTaskDone(id)).isEqualTo(Effect.APPLIED);
        assertThat(reactions.onTaskDone(id)).isEqualTo(Effect.DUPLICATE);
        assertThat(reactions.onTaskAssigned(task(id), occurrence())).isEqualTo(Effect.APPLIED);
        assertThat(reminders.pendingDueOn(DUE)).isEmpty();
        assertThat(reactions.onTaskAssigned(task(id), occurrence())).isEqualTo(Effect.DUPLICATE);
        assertThat(notices.notices).hasSize(1);
    }

    @Test
    void aTaskAlreadyPastDueWhenAssignedIsHistoryNeitherToldNorReminded() {
        TaskId id = new TaskId(UUID.randomUUID());
        Occurrence enteredLater = new Occurrence(UUID.randomUUID().toString(), Instant.parse("2027-02-01T03:00:00Z"));

        assertThat(reactions.onTaskAssigned(task(id), enteredLater)).isEqualTo(Effect.NO_EFFECT);
        assertThat(notices.notices).isEmpty();
        assertThat(reminders.pendingDueOn(DUE)).isEmpty();

        Occurrence onTheDueDay = new Occurrence(UUID.randomUUID().toString(), Instant.parse("2027-01-20T03:00:00Z"));
        assertThat(reactions.onTaskAssigned(task(id), onTheDueDay))
                .as("due today is still to be done")
                .isEqualTo(Effect.APPLIED);
    }

    @Test
    void anUnknownMeetingIsNamedGenerally() {
        reactions.onTaskAssigned(task(new TaskId(UUID.randomUUID())), occurrence());
        assertThat(notices.notices.values().iterator().next().body())
                .startsWith("Tại buổi sinh hoạt chi bộ, chi bộ giao đồng chí nhiệm vụ: “Thu đảng phí quý IV”.");
    }

    @Test
    void anOverdueTaskGoesToTheOwnerAloneWhileNoSecretaryIsKnown() {
        TaskId id = new TaskId(UUID.randomUUID());
        assertThat(reactions.onTaskOverdue(overdue(id), occurrence())).isEqualTo(Effect.APPLIED);
        assertThat(notices.notices.values())
                .extracting(n -> n.recipientMemberId())
                .containsExactly(owner);
        // Without the assignment seen, the notice has no title to quote but still the due date.
        assertThat(notices.notices.values().iterator().next().title()).isEqualTo("Nhiệm vụ quá hạn");
        assertThat(notices.notices.values().iterator().next().body()).contains("thứ Tư, ngày 20/01/2027");
    }

    @Test
    void aSecretaryWhoOwnsTheTaskIsToldOnce() {
        secretaries.secretaries.put(new OrgUnitId(cell.value()), owner);
        TaskId id = new TaskId(UUID.randomUUID());
        reactions.onTaskOverdue(overdue(id), occurrence());
        assertThat(notices.notices).hasSize(1);
    }

    @Test
    void theSecretaryIsToldWhoseTaskIsOverdue() {
        MemberId secretary = new MemberId(UUID.randomUUID());
        secretaries.secretaries.put(new OrgUnitId(cell.value()), secretary);
        roster.saveIfNewer(new RosterMember(owner, cell, PATH, "Lê Văn Cường", null, MemberStatus.FULL, 1), "e1");
        TaskId id = new TaskId(UUID.randomUUID());
        reactions.onTaskAssigned(task(id), occurrence());
        assertThat(reactions.onTaskOverdue(overdue(id), occurrence())).isEqualTo(Effect.APPLIED);
        assertThat(reactions.onTaskOverdue(overdue(id), occurrence())).isEqualTo(Effect.DUPLICATE);
        var toSecretary = notices.notices.values().stream()
                .filter(n -> n.recipientMemberId().equals(secretary))
                .toList();
        assertThat(toSecretary).hasSize(1);
        assertThat(toSecretary.getFirst().kind()).isEqualTo(NoticeKind.TASK_OVERDUE);
        assertThat(toSecretary.getFirst().title()).isEqualTo("Nhiệm vụ quá hạn của đồng chí Lê Văn Cường");
        assertThat(toSecretary.getFirst().body())
                .startsWith("Nhiệm vụ “Thu đảng phí quý IV” giao cho đồng chí Lê Văn Cường");
        // Past due, the reminder is moot.
        assertThat(reminders.cancelled).contains(id);
    }
}
