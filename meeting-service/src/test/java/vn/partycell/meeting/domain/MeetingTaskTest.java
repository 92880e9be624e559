package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** A task from its assignment at a meeting's conclusion to its confirmed and corrected outcome. */
class MeetingTaskTest {

    /** 5 December 2026, 08:00 in Vietnam. */
    static final Instant MEETING = Instant.parse("2026-12-05T01:00:00Z");

    static final LocalDate DUE = LocalDate.of(2026, 12, 31);

    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId present = new MemberId(UUID.randomUUID());
    final MemberId late = new MemberId(UUID.randomUUID());
    final MemberId absent = new MemberId(UUID.randomUUID());
    final MemberId elsewhere = new MemberId(UUID.randomUUID());
    final Roster roster = new Roster(
            List.of(member(present, "Nguyễn Văn An"), member(late, "Trần Thị Bình"), member(absent, "Lê Văn Cường")));
    final InProgressMeeting meeting = new InProgressMeeting(
            MeetingId.random(),
            cell,
            OrgPath.of("/hy/cb-a/"),
            new MeetingPlan(
                    MeetingKind.REGULAR, "Sinh hoạt tháng 12", null, MEETING, "Nhà văn hóa", List.of("Kết luận")),
            Map.of(
                    present, new Attendance(present, AttendanceStatus.PRESENT, null, true),
                    late, new Attendance(late, AttendanceStatus.LATE, null, false),
                    absent, new Attendance(absent, AttendanceStatus.ABSENT, null, false)),
            MEETING,
            "bt",
            3);

    private RosterMember member(MemberId id, String name) {
        return new RosterMember(id, cell, null, OrgPath.of("/hy/cb-a/"), name, MemberStatus.FULL, false, 1);
    }

    private MeetingTask assigned(MemberId owner) {
        return MeetingTask.assign(
                        TaskId.random(),
                        meeting,
                        roster,
                        owner,
                        "Vận động 5 hộ",
                        "Báo cáo tháng sau",
                        DUE,
                        "bt",
                        MEETING)
                .state();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(9, 0)
                .atZone(vn.partycell.platform.kernel.VietnamTime.ZONE)
                .toInstant();
    }

    private static void refused(Runnable command, String code, String field) {
        assertThatThrownBy(command::run)
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> {
                    assertThat(((RuleViolationException) e).code()).isEqualTo(code);
                    assertThat(((RuleViolationException) e).facts()).containsEntry("field", field);
                });
    }

    @Test
    void aTaskGoesToAMemberOfTheCellWhoAttendedAndIsDueNotBeforeTheMeeting() {
        Change<MeetingTask, TaskEvent> change =
                MeetingTask.assign(TaskId.random(), meeting, roster, late, " Vận động 5 hộ ", null, DUE, "bt", MEETING);
        assertThat(change.state().ownerName()).isEqualTo("Trần Thị Bình");
        assertThat(change.state().title()).isEqualTo("Vận động 5 hộ");
        assertThat(change.state().open()).isTrue();
        assertThat(change.events()).singleElement().isInstanceOf(TaskEvent.Assigned.class);

        refused(() -> assigned(elsewhere), "not-in-cell", "ownerId");
        refused(() -> assigned(absent), "not-present", "ownerId");
        refused(
                () -> MeetingTask.assign(
                        TaskId.random(), meeting, roster, present, "x", null, LocalDate.of(2026, 12, 4), "bt", MEETING),
                "due-before-meeting",
                "dueOn");
        refused(
                () -> MeetingTask.assign(TaskId.random(), meeting, roster, present, " ", null, DUE, "bt", MEETING),
                "title-required",
                "title");
    }

    @Test
    void onlyTheOwnerReportsAndEveryReportIsKeptInOrder() {
        MeetingTask task = assigned(present);
        assertThatThrownBy(() -> task.report(late, TaskProgress.IN_PROGRESS, null, null, MEETING))
                .isInstanceOf(ForbiddenException.class);
        refused(() -> task.report(present, TaskProgress.BLOCKED, " ", null, MEETING), "note-required", "note");
        refused(
                () -> task.report(present, TaskProgress.DONE, null, LocalDate.of(2026, 12, 6), MEETING),
                "done-in-future",
                "doneOn");
        refused(
                () -> task.report(present, TaskProgress.IN_PROGRESS, null, LocalDate.of(2026, 12, 5), MEETING),
                "done-date-not-done",
                "doneOn");

        MeetingTask blocked = task.report(
                        present, TaskProgress.BLOCKED, "Chưa có kinh phí", null, at(DUE.minusDays(20)))
                .state();
        Change<MeetingTask, TaskEvent> done =
                blocked.report(present, TaskProgress.DONE, "Xong", null, at(DUE.minusDays(2)));
        assertThat(done.events()).singleElement().isInstanceOf(TaskEvent.Reported.class);
        assertThat(done.state().reports())
                .extracting(ProgressReport::seq, ProgressReport::progress)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, TaskProgress.BLOCKED),
                        org.assertj.core.groups.Tuple.tuple(2, TaskProgress.DONE));
        assertThat(done.state().doneOn()).contains(DUE.minusDays(2));
        assertThat(done.state().open()).isFalse();
        assertThat(done.state().version()).isEqualTo(task.version() + 2);
    }

    @Test
    void theOutcomeIsJudgedFromTheReportedDoneDateAgainstTheDueDateAndCorrectedOnlyByARecord() {
        MeetingTask onTime = assigned(present)
                .report(present, TaskProgress.DONE, null, DUE, at(DUE.plusDays(1)))
                .state();
        Change<MeetingTask, TaskEvent> confirmed = onTime.confirm(true, "Vượt chỉ tiêu", "bt", at(DUE.plusDays(3)));
        assertThat(confirmed.events()).singleElement().isInstanceOf(TaskEvent.DoneOnTime.class);
        assertThat(confirmed.state().outcome().orElseThrow().beyondAsked()).isTrue();
        assertThatThrownBy(() -> confirmed.state().confirm(false, null, "bt", at(DUE.plusDays(4))))
                .isInstanceOf(ConflictException.class);

        refused(
                () -> confirmed.state().correct(false, null, DUE.plusDays(1), " ", "bt", at(DUE.plusDays(4))),
                "reason-required",
                "reason");
        Change<MeetingTask, TaskEvent> corrected =
                confirmed.state().correct(false, null, DUE.plusDays(1), "Báo nhầm ngày", "bt", at(DUE.plusDays(4)));
        assertThat(corrected.events()).singleElement().isInstanceOf(TaskEvent.DoneLate.class);
        assertThat(corrected.state().outcomes())
                .extracting(TaskOutcome::revision, TaskOutcome::timing, TaskOutcome::correctionReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, TaskTiming.ON_TIME, null),
                        org.assertj.core.groups.Tuple.tuple(2, TaskTiming.LATE, "Báo nhầm ngày"));

        MeetingTask late = assigned(late())
                .report(late(), TaskProgress.DONE, null, DUE.plusDays(1), at(DUE.plusDays(1)))
                .state();
        assertThat(late.confirm(false, null, "bt", at(DUE.plusDays(2))).events())
                .singleElement()
                .isInstanceOf(TaskEvent.DoneLate.class);

        MeetingTask running = assigned(present);
        refused(() -> running.confirm(false, null, "bt", at(DUE)), "task-not-done", "status");
        refused(() -> running.confirm(true, null, "bt", at(DUE.plusDays(1))), "beyond-asked-not-done", "beyondAsked");
        TaskEvent overdue =
                running.confirm(false, null, "bt", at(DUE.plusDays(1))).events().getFirst();
        assertThat(overdue)
                .isInstanceOfSatisfying(
                        TaskEvent.Overdue.class, o -> assertThat(o.confirmed()).isTrue());
        refused(() -> running.correct(false, null, null, "x", "bt", at(DUE)), "task-outcome-not-confirmed", "outcome");
    }

    @Test
    void aTaskOfAMeetingEnteredAfterwardsWasAssignedWhenTheMeetingWasHeldAndItsDoneDateCanBeRecorded() {
        Instant enteredAt = at(LocalDate.of(2027, 6, 1));
        InProgressMeeting entered = Meeting.recordHeld(
                        MeetingId.random(),
                        new Cell(cell, "cb-a", "Chi bộ A", OrgUnitKind.CELL, null, OrgPath.of("/hy/cb-a/"), 1),
                        meeting.plan(),
                        "tinh-uy",
                        enteredAt)
                .state()
                .recordAttendance(meeting.attendance().values(), roster)
                .state();
        MeetingTask task = MeetingTask.assign(
                        TaskId.random(), entered, roster, present, "Vận động 5 hộ", null, DUE, "tinh-uy", enteredAt)
                .state();

        assertThat(task.assignedAt())
                .as("assigned at the meeting, not when it was entered")
                .isEqualTo(MEETING);
        Change<MeetingTask, TaskEvent> onTime =
                task.confirm(true, "Theo biên bản", DUE.minusDays(3), "tinh-uy", enteredAt);
        assertThat(onTime.events()).singleElement().isInstanceOf(TaskEvent.DoneOnTime.class);
        assertThat(onTime.state().outcome().orElseThrow().doneOn()).isEqualTo(DUE.minusDays(3));
        assertThat(task.confirm(false, null, DUE.plusDays(4), "tinh-uy", enteredAt)
                        .events())
                .singleElement()
                .isInstanceOf(TaskEvent.DoneLate.class);
        refused(
                () -> task.confirm(false, null, meetingDay().minusDays(1), "tinh-uy", enteredAt),
                "done-date-invalid",
                "doneOn");
        refused(
                () -> task.confirm(false, null, LocalDate.of(2027, 6, 2), "tinh-uy", enteredAt),
                "done-date-invalid",
                "doneOn");

        MeetingTask reported = assigned(present)
                .report(present, TaskProgress.DONE, null, DUE.minusDays(1), at(DUE.minusDays(1)))
                .state();
        refused(() -> reported.confirm(false, null, DUE.minusDays(5), "bt", at(DUE)), "done-date-reported", "doneOn");
        assertThat(reported.confirm(false, null, DUE.minusDays(1), "bt", at(DUE))
                        .events())
                .as("the same date as reported is no conflict")
                .singleElement()
                .isInstanceOf(TaskEvent.DoneOnTime.class);
    }

    private static LocalDate meetingDay() {
        return vn.partycell.platform.kernel.VietnamTime.date(MEETING);
    }

    private MemberId late() {
        return late;
    }

    @Test
    void theWatchMarksAnOpenTaskOverdueOnceTheDayAfterItsDueDate() {
        MeetingTask task = assigned(present);
        assertThat(task.overdueAsOf(DUE)).isEmpty();
        Change<MeetingTask, TaskEvent> marked =
                task.overdueAsOf(DUE.plusDays(1)).orElseThrow();
        assertThat(marked.state().overdueOn()).isEqualTo(DUE.plusDays(1));
        assertThat(marked.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        TaskEvent.Overdue.class, o -> assertThat(o.confirmed()).isFalse());
        assertThat(marked.state().overdueAsOf(DUE.plusDays(2))).isEmpty();

        MeetingTask doneInTime =
                task.report(present, TaskProgress.DONE, null, DUE, at(DUE)).state();
        assertThat(doneInTime.overdueAsOf(DUE.plusDays(1))).isEmpty();
    }

    @Test
    void closingCountsEveryPresentMemberWithoutATaskOrAReason() {
        MeetingTask task = assigned(present);
        assertThat(TaskCoverage.uncovered(meeting, roster, List.of(task), List.of()))
                .containsExactly(new TaskCoverage.Uncovered(late, "Trần Thị Bình"));
        TaskWaiver waiver = TaskWaiver.record(meeting, roster, late, "Đang điều trị bệnh", "bt", MEETING);
        assertThat(TaskCoverage.uncovered(meeting, roster, List.of(task), List.of(waiver)))
                .isEmpty();
        refused(() -> TaskWaiver.record(meeting, roster, absent, "x", "bt", MEETING), "not-present", "memberId");
        refused(() -> TaskWaiver.record(meeting, roster, late, " ", "bt", MEETING), "reason-required", "reason");
    }
}
