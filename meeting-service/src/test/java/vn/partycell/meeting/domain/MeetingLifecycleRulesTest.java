package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** Draft → scheduled → in progress → closed, or cancelled: what each state allows and refuses. */
class MeetingLifecycleRulesTest {

    private final Cell cell = new Cell(
            new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, OrgPath.of("/hy/a/cb-01/"), 1);
    /** Two days before the meeting: a meeting scheduled now for two days later. */
    private final Instant now = Instant.parse("2026-03-03T12:30:00Z");

    private final Instant startsAt = Instant.parse("2026-03-05T12:30:00Z");
    private final Duration tolerance = Duration.ofMinutes(30);

    private MeetingPlan plan(MeetingKind kind, String topic, Instant at) {
        return new MeetingPlan(kind, "Sinh hoạt tháng 3", topic, at, "Hội trường", List.of("Nội dung 1", "Nội dung 2"));
    }

    private ScheduledMeeting scheduled() {
        return Meeting.schedule(MeetingId.random(), cell, plan(MeetingKind.REGULAR, null, startsAt), now)
                .state();
    }

    private static void refusedWith(
            Runnable command, Class<? extends RuntimeException> type, String code, String field) {
        assertThatThrownBy(command::run).isInstanceOf(type).satisfies(e -> {
            if (e instanceof RuleViolationException r) {
                assertThat(r.code()).isEqualTo(code);
                assertThat(r.facts()).containsEntry("field", field);
            } else if (e instanceof ConflictException c) {
                assertThat(c.code()).isEqualTo(code);
                assertThat(c.facts()).containsEntry("field", field);
            }
        });
    }

    @Test
    void aScheduleInThePastIsRefusedNamingStartsAt() {
        refusedWith(
                () -> Meeting.schedule(
                        MeetingId.random(), cell, plan(MeetingKind.REGULAR, null, now.minusSeconds(60)), now),
                RuleViolationException.class,
                "starts-in-past",
                "startsAt");
        refusedWith(
                () -> Meeting.draft(
                        MeetingId.random(), cell, plan(MeetingKind.REGULAR, null, now.minusSeconds(1)), now),
                RuleViolationException.class,
                "starts-in-past",
                "startsAt");
        assertThat(Meeting.schedule(MeetingId.random(), cell, plan(MeetingKind.REGULAR, null, now), now)
                        .state()
                        .startsAt())
                .isEqualTo(now);
    }

    @Test
    void aThematicMeetingNeedsItsTopic() {
        refusedWith(
                () -> Meeting.schedule(MeetingId.random(), cell, plan(MeetingKind.THEMATIC, "  ", startsAt), now),
                RuleViolationException.class,
                "topic-required",
                "topic");
        ScheduledMeeting thematic = Meeting.schedule(
                        MeetingId.random(),
                        cell,
                        plan(MeetingKind.THEMATIC, " Học tập và làm theo tư tưởng Hồ Chí Minh ", startsAt),
                        now)
                .state();
        assertThat(thematic.topic()).isEqualTo("Học tập và làm theo tư tưởng Hồ Chí Minh");
    }

    @Test
    void aMeetingTwoDaysAheadCanNeitherBeStartedNorClosedNow() {
        ScheduledMeeting meeting = scheduled();
        refusedWith(
                () -> meeting.start(tolerance, Map.of(), "bt", now),
                RuleViolationException.class,
                "too-early-to-start",
                "startsAt");
        refusedWith(meeting::requireInProgress, RuleViolationException.class, "meeting-not-started", "status");
        // One minute before the tolerance opens: still refused; at its opening: started.
        refusedWith(
                () -> meeting.start(
                        tolerance, Map.of(), "bt", startsAt.minus(tolerance).minusSeconds(60)),
                RuleViolationException.class,
                "too-early-to-start",
                "startsAt");
        Change<InProgressMeeting, MeetingEvent> started =
                meeting.start(tolerance, Map.of(), "bt", startsAt.minus(tolerance));
        assertThat(started.events()).isEmpty();
        assertThat(started.state().status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(started.state().startedAt()).isEqualTo(startsAt.minus(tolerance));
        assertThat(started.state().attendance()).isEmpty();
        assertThat(started.state().version()).isEqualTo(2);
    }

    @Test
    void acceptedExcusesArePrefilledAsExcusedAtTheStart() {
        MemberId excused = new MemberId(UUID.randomUUID());
        InProgressMeeting held = scheduled()
                .start(tolerance, Map.of(excused, "Đi công tác"), "bt", startsAt)
                .state();
        assertThat(held.attendance())
                .containsExactly(
                        Map.entry(excused, new Attendance(excused, AttendanceStatus.EXCUSED, "Đi công tác", false)));
    }

    @Test
    void aChangeAfterTheNoticeIsAnnouncedWithWhatChangedAndTheSamePlanChangesNothing() {
        ScheduledMeeting meeting = scheduled();
        MeetingPlan moved = new MeetingPlan(
                MeetingKind.REGULAR,
                meeting.title(),
                null,
                startsAt.plus(Duration.ofDays(1)),
                "Nhà văn hóa thôn",
                meeting.agenda());
        Change<ScheduledMeeting, MeetingEvent> change = meeting.change(moved, now);
        assertThat(change.state().startsAt()).isEqualTo(startsAt.plus(Duration.ofDays(1)));
        assertThat(change.state().version()).isEqualTo(2);
        assertThat(change.events())
                .containsExactly(
                        new MeetingEvent.Rescheduled(change.state(), meeting.plan(), List.of("startsAt", "place")));

        Change<ScheduledMeeting, MeetingEvent> same = meeting.change(meeting.plan(), now);
        assertThat(same.state()).isSameAs(meeting);
        assertThat(same.events()).isEmpty();

        refusedWith(
                () -> meeting.change(plan(MeetingKind.REGULAR, null, now.minusSeconds(1)), now),
                RuleViolationException.class,
                "starts-in-past",
                "startsAt");
        refusedWith(
                () -> meeting.change(plan(MeetingKind.EXTRAORDINARY, null, startsAt), now),
                RuleViolationException.class,
                "kind-unchangeable",
                "kind");
    }

    @Test
    void aCancellationNeedsItsReasonIsAnnouncedAndIsFinal() {
        ScheduledMeeting meeting = scheduled();
        refusedWith(() -> meeting.cancel(" ", "bt", now), RuleViolationException.class, "reason-required", "reason");
        Change<CancelledMeeting, MeetingEvent> cancelled = meeting.cancel(" Bão số 3 ", "bt", now);
        assertThat(cancelled.state().reason()).isEqualTo("Bão số 3");
        assertThat(cancelled.state().cancelledFrom()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(cancelled.events()).containsExactly(new MeetingEvent.Cancelled(cancelled.state()));
        refusedWith(cancelled.state()::requireScheduled, ConflictException.class, "meeting-cancelled", "status");
        refusedWith(cancelled.state()::requireInProgress, ConflictException.class, "meeting-cancelled", "status");
    }

    @Test
    void aDraftTellsNobodyUntilItIsScheduled() {
        Change<DraftMeeting, MeetingEvent> draft =
                Meeting.draft(MeetingId.random(), cell, plan(MeetingKind.REGULAR, null, startsAt), now);
        assertThat(draft.events()).isEmpty();
        assertThat(draft.state().status()).isEqualTo(MeetingStatus.DRAFT);
        refusedWith(draft.state()::requireScheduled, RuleViolationException.class, "meeting-not-scheduled", "status");
        Change<DraftMeeting, MeetingEvent> edited =
                draft.state().edit(plan(MeetingKind.REGULAR, null, startsAt.plusSeconds(3600)), now);
        assertThat(edited.events()).isEmpty();
        Change<ScheduledMeeting, MeetingEvent> scheduled = edited.state().schedule(now);
        assertThat(scheduled.state().version()).isEqualTo(3);
        assertThat(scheduled.events()).containsExactly(new MeetingEvent.Scheduled(scheduled.state()));
        // A draft that aged past its start cannot be announced as it is.
        refusedWith(
                () -> edited.state().schedule(startsAt.plus(Duration.ofDays(1))),
                RuleViolationException.class,
                "starts-in-past",
                "startsAt");
        assertThat(draft.state().cancel("Gộp với buổi khác", "bt", now).events())
                .isEmpty();
    }

    @Test
    void aClosedMeetingRefusesEditsNamingTheStatus() {
        RosterMember a = new RosterMember(
                new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "A", MemberStatus.FULL, false, 1);
        Roster roster = new Roster(List.of(a));
        InProgressMeeting held = scheduled()
                .start(tolerance, Map.of(), "bt", startsAt)
                .state()
                .recordAttendance(List.of(new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, true)), roster)
                .state();
        ClosedMeeting closed = held.close(roster, new QuorumRule(QuorumRule.Comparison.MORE_THAN, 1, 2), "bt", startsAt)
                .state();
        refusedWith(closed::requireInProgress, ConflictException.class, "meeting-closed", "status");
        refusedWith(closed::requireScheduled, ConflictException.class, "meeting-closed", "status");
    }
}
