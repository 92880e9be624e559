package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

class MeetingTest {

    private final Cell cell = new Cell(
            new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, OrgPath.of("/hy/a/cb-01/"), 1);
    private final QuorumRule moreThanHalf = new QuorumRule(QuorumRule.Comparison.MORE_THAN, 1, 2);
    private final Instant now = Instant.parse("2026-03-05T14:00:00Z");

    private RosterMember member(MemberStatus status, boolean exempted) {
        return new RosterMember(
                new MemberId(UUID.randomUUID()), cell.id(), null, cell.orgPath(), "Đảng viên", status, exempted, 1);
    }

    private final Instant scheduledAt = Instant.parse("2026-03-01T00:00:00Z");

    private ScheduledMeeting scheduled() {
        return Meeting.schedule(
                        MeetingId.random(),
                        cell,
                        new MeetingPlan(
                                MeetingKind.REGULAR,
                                "Sinh hoạt thường kỳ tháng 3/2026",
                                null,
                                Instant.parse("2026-03-05T12:30:00Z"),
                                "Hội trường UBND xã",
                                List.of("Kiểm điểm nghị quyết tháng 2", " ", "Phân công nhiệm vụ")),
                        scheduledAt)
                .state();
    }

    /** The meeting opened at its start time: attendance is taken from here on. */
    private InProgressMeeting held() {
        ScheduledMeeting s = scheduled();
        return s.start(Duration.ofMinutes(30), Map.of(), "bt", s.startsAt()).state();
    }

    @Test
    void quorumRulesCountMoreThanAndAtLeast() {
        assertThat(moreThanHalf.required(10)).isEqualTo(6);
        assertThat(moreThanHalf.required(9)).isEqualTo(5);
        QuorumRule twoThirds = new QuorumRule(QuorumRule.Comparison.AT_LEAST, 2, 3);
        assertThat(twoThirds.required(9)).isEqualTo(6);
        assertThat(twoThirds.required(10)).isEqualTo(7);
        assertThatThrownBy(() -> new QuorumRule(QuorumRule.Comparison.AT_LEAST, 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeetingEnteredAfterItWasHeldIsInProgressFromItsStartSilentlyAndClosesSayingSo() {
        MeetingPlan plan = new MeetingPlan(
                MeetingKind.REGULAR,
                "Sinh hoạt thường kỳ tháng 1/2026",
                null,
                Instant.parse("2026-01-05T01:00:00Z"),
                "Hội trường UBND xã",
                List.of("Kiểm điểm nghị quyết tháng 12"));

        Change<InProgressMeeting, MeetingEvent> entered =
                Meeting.recordHeld(MeetingId.random(), cell, plan, "tinh-uy", now);

        InProgressMeeting held = entered.state();
        assertThat(entered.events())
                .as("nobody is told of a meeting that is over")
                .isEmpty();
        assertThat(held.startedAt()).isEqualTo(plan.startsAt());
        assertThat(held.recorded()).isEqualTo(new RecordedAfterwards("tinh-uy", now));
        RosterMember present = member(MemberStatus.FULL, false);
        Roster roster = new Roster(List.of(present));
        InProgressMeeting taken = held.recordAttendance(
                        List.of(new Attendance(present.memberId(), AttendanceStatus.PRESENT, null, true)), roster)
                .state();
        Change<ClosedMeeting, MeetingEvent> closed = taken.close(roster, moreThanHalf, "tinh-uy", now.plusSeconds(600));
        assertThat(closed.state().recorded()).as("kept through the close").isEqualTo(held.recorded());
        assertThat(closed.state().localStart().getMonthValue()).isEqualTo(1);
        assertThat(closed.events()).hasSize(1);
    }

    @Test
    void aMeetingNotYetHeldCannotBeEnteredAsHeld() {
        MeetingPlan later =
                new MeetingPlan(MeetingKind.REGULAR, "Tháng 4", null, now.plusSeconds(60), "Xã", List.of("Kiểm điểm"));
        assertThatThrownBy(() -> Meeting.recordHeld(MeetingId.random(), cell, later, "tinh-uy", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("held-in-future"));
        MeetingPlan noTopic = new MeetingPlan(
                MeetingKind.THEMATIC, "Chuyên đề", null, now.minusSeconds(3600), "Xã", List.of("Học tập"));
        assertThatThrownBy(() -> Meeting.recordHeld(MeetingId.random(), cell, noTopic, "tinh-uy", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("topic-required"));
    }

    @Test
    void schedulingKeepsTheAgendaAndTheLocalMonth() {
        Change<ScheduledMeeting, MeetingEvent> change = Meeting.schedule(
                MeetingId.random(),
                cell,
                new MeetingPlan(
                        MeetingKind.THEMATIC,
                        "Chuyên đề",
                        "Học tập và làm theo tư tưởng Hồ Chí Minh",
                        Instant.parse("2026-02-28T18:30:00Z"),
                        "Xã",
                        List.of("Học tập")),
                Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(change.state().localStart().getMonthValue()).isEqualTo(3);
        assertThat(change.events()).containsExactly(new MeetingEvent.Scheduled(change.state()));
        assertThat(scheduled().agenda()).containsExactly("Kiểm điểm nghị quyết tháng 2", "Phân công nhiệm vụ");
        assertThat(scheduled().status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void closingWithoutQuorumIsRefusedWithTheCounts() {
        List<RosterMember> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(member(MemberStatus.FULL, false));
        }
        members.add(member(MemberStatus.PROBATIONARY, false));
        Roster roster = new Roster(members);
        InProgressMeeting taken = held().recordAttendance(
                        List.of(
                                new Attendance(members.get(0).memberId(), AttendanceStatus.PRESENT, null, true),
                                new Attendance(members.get(1).memberId(), AttendanceStatus.LATE, null, false),
                                new Attendance(members.get(2).memberId(), AttendanceStatus.EXCUSED, "Ốm", false),
                                new Attendance(members.get(3).memberId(), AttendanceStatus.ABSENT, null, false),
                                new Attendance(members.get(4).memberId(), AttendanceStatus.PRESENT, null, true)),
                        roster)
                .state();
        assertThat(taken.status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThatThrownBy(() -> taken.close(roster, moreThanHalf, "bt", now))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("quorum-not-met");
                    assertThat(e.facts())
                            .containsEntry("eligible", 4)
                            .containsEntry("present", 2)
                            .containsEntry("required", 3);
                });
    }

    @Test
    void aClosedMeetingIsFinal() {
        RosterMember a = member(MemberStatus.FULL, false);
        RosterMember b = member(MemberStatus.FULL, false);
        RosterMember exempted = member(MemberStatus.FULL, true);
        Roster roster = new Roster(List.of(a, b, exempted));
        Change<InProgressMeeting, MeetingEvent> taken = held().recordAttendance(
                        List.of(
                                new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, true),
                                new Attendance(b.memberId(), AttendanceStatus.PRESENT, null, false)),
                        roster);
        assertThat(taken.events()).isEmpty();
        Change<ClosedMeeting, MeetingEvent> change = taken.state().close(roster, moreThanHalf, "bt", now);
        ClosedMeeting closed = change.state();
        assertThat(change.events()).containsExactly(new MeetingEvent.Closed(closed));
        assertThat(closed.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(closed.quorum()).isEqualTo(new Quorum(2, 2, 2));
        assertThat(closed.closedAt()).isEqualTo(now);
        assertThat(closed.closedBy()).isEqualTo("bt");
        assertThat(closed.version()).isEqualTo(4);
        // A closed meeting has no attendance or close method; asking it for its open state is refused.
        assertThatThrownBy(closed::requireInProgress)
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-closed"))
                .hasMessageContaining("kết thúc");
    }

    @Test
    void attendanceMustNameRosterMembersWithReasonsAndPlausibleSpeakers() {
        RosterMember a = member(MemberStatus.FULL, false);
        RosterMember removed = member(MemberStatus.REMOVED, false);
        Roster roster = new Roster(List.of(a, removed));
        assertThatThrownBy(() -> held().recordAttendance(
                                List.of(
                                        new Attendance(a.memberId(), AttendanceStatus.EXCUSED, " ", false),
                                        new Attendance(removed.memberId(), AttendanceStatus.PRESENT, null, false),
                                        new Attendance(
                                                new MemberId(UUID.randomUUID()), AttendanceStatus.ABSENT, null, true)),
                                roster))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat((java.util.Map<?, ?>) e.facts().get("members"))
                                .hasSize(3));
    }

    @Test
    void closingNeedsEveryExpectedMemberAccountedFor() {
        RosterMember a = member(MemberStatus.FULL, false);
        RosterMember b = member(MemberStatus.PROBATIONARY, false);
        Roster roster = new Roster(List.of(a, b));
        InProgressMeeting partial = held().recordAttendance(
                        List.of(new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, false)), roster)
                .state();
        assertThatThrownBy(() -> partial.close(roster, moreThanHalf, "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attendance-incomplete"));
    }

    @Test
    void onlyACellHoldsMeetings() {
        Cell group = new Cell(
                new CellId(UUID.randomUUID()),
                "to-1",
                "Tổ đảng 1",
                OrgUnitKind.PARTY_GROUP,
                new OrgUnitId(cell.id().value()),
                OrgPath.of("/hy/a/cb-01/to-1/"),
                1);
        assertThatThrownBy(() -> Meeting.schedule(
                        MeetingId.random(),
                        group,
                        new MeetingPlan(MeetingKind.REGULAR, "x", null, now, "y", List.of("z")),
                        scheduledAt))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-a-cell"));
    }
}
