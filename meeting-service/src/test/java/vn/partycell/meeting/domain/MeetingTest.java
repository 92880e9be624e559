package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

class MeetingTest {

    private final Cell cell =
            new Cell(UUID.randomUUID(), "cb-01", "Chi bộ 1", "CELL", null, OrgPath.of("/hy/a/cb-01/"), 1);
    private final QuorumRule moreThanHalf = new QuorumRule(QuorumRule.Comparison.MORE_THAN, 1, 2);
    private final Instant now = Instant.parse("2026-03-05T14:00:00Z");

    private RosterMember member(String status, boolean exempted) {
        return new RosterMember(UUID.randomUUID(), cell.id(), null, cell.orgPath(), "Đảng viên", status, exempted, 1);
    }

    private Meeting scheduled() {
        return Meeting.schedule(
                UUID.randomUUID(),
                cell,
                MeetingKind.REGULAR,
                "Sinh hoạt thường kỳ tháng 3/2026",
                Instant.parse("2026-03-05T12:30:00Z"),
                "Hội trường UBND xã",
                List.of("Kiểm điểm nghị quyết tháng 2", " ", "Phân công nhiệm vụ"));
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
    void schedulingKeepsTheAgendaAndTheLocalMonth() {
        Meeting meeting = Meeting.schedule(
                UUID.randomUUID(),
                cell,
                MeetingKind.THEMATIC,
                "Chuyên đề",
                Instant.parse("2026-02-28T18:30:00Z"),
                "Xã",
                List.of("Học tập"));
        assertThat(meeting.localStart().getMonthValue()).isEqualTo(3);
        assertThat(scheduled().agenda()).containsExactly("Kiểm điểm nghị quyết tháng 2", "Phân công nhiệm vụ");
        assertThat(scheduled().status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void closingWithoutQuorumIsRefusedWithTheCounts() {
        List<RosterMember> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(member("FULL", false));
        }
        members.add(member("PROBATIONARY", false));
        Meeting.Roster roster = new Meeting.Roster(members);
        Meeting taken = scheduled()
                .recordAttendance(
                        List.of(
                                new Attendance(members.get(0).memberId(), AttendanceStatus.PRESENT, null, true),
                                new Attendance(members.get(1).memberId(), AttendanceStatus.LATE, null, false),
                                new Attendance(members.get(2).memberId(), AttendanceStatus.EXCUSED, "Ốm", false),
                                new Attendance(members.get(3).memberId(), AttendanceStatus.ABSENT, null, false),
                                new Attendance(members.get(4).memberId(), AttendanceStatus.PRESENT, null, true)),
                        roster);
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
        RosterMember a = member("FULL", false);
        RosterMember b = member("FULL", false);
        RosterMember exempted = member("FULL", true);
        Meeting.Roster roster = new Meeting.Roster(List.of(a, b, exempted));
        Meeting closed = scheduled()
                .recordAttendance(
                        List.of(
                                new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, true),
                                new Attendance(b.memberId(), AttendanceStatus.PRESENT, null, false)),
                        roster)
                .close(roster, moreThanHalf, "bt", now);
        assertThat(closed.status()).isEqualTo(MeetingStatus.CLOSED);
        assertThat(closed.quorum()).isEqualTo(new Quorum(2, 2, 2));
        assertThatThrownBy(() -> closed.recordAttendance(
                        List.of(new Attendance(a.memberId(), AttendanceStatus.ABSENT, null, false)), roster))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("kết thúc");
        assertThatThrownBy(() -> closed.close(roster, moreThanHalf, "bt", now)).isInstanceOf(ConflictException.class);
    }

    @Test
    void attendanceMustNameRosterMembersWithReasonsAndPlausibleSpeakers() {
        RosterMember a = member("FULL", false);
        RosterMember removed = member("REMOVED", false);
        Meeting.Roster roster = new Meeting.Roster(List.of(a, removed));
        assertThatThrownBy(() -> scheduled()
                        .recordAttendance(
                                List.of(
                                        new Attendance(a.memberId(), AttendanceStatus.EXCUSED, " ", false),
                                        new Attendance(removed.memberId(), AttendanceStatus.PRESENT, null, false),
                                        new Attendance(UUID.randomUUID(), AttendanceStatus.ABSENT, null, true)),
                                roster))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat((java.util.Map<?, ?>) e.facts().get("members"))
                                .hasSize(3));
    }

    @Test
    void closingNeedsEveryExpectedMemberAccountedFor() {
        RosterMember a = member("FULL", false);
        RosterMember b = member("PROBATIONARY", false);
        Meeting.Roster roster = new Meeting.Roster(List.of(a, b));
        Meeting partial = scheduled()
                .recordAttendance(List.of(new Attendance(a.memberId(), AttendanceStatus.PRESENT, null, false)), roster);
        assertThatThrownBy(() -> partial.close(roster, moreThanHalf, "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attendance-incomplete"));
    }
}
