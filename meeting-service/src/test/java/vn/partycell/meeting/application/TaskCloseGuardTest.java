package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.meeting.domain.TaskWaiver;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** The close guard follows the year's policy: REFUSE by default, WARN where a year says so. */
class TaskCloseGuardTest {

    static final Instant IN_2026 = Instant.parse("2026-12-05T01:00:00Z");
    static final Instant IN_2027 = Instant.parse("2027-01-05T01:00:00Z");

    final CellId cell = new CellId(UUID.randomUUID());
    final MemberId an = new MemberId(UUID.randomUUID());
    final MemberId binh = new MemberId(UUID.randomUUID());
    final Roster roster = new Roster(List.of(member(an, "Nguyễn Văn An"), member(binh, "Trần Thị Bình")));
    final InMemoryMeetingTaskRepository tasks = new InMemoryMeetingTaskRepository();
    final List<TaskWaiver> waivers = new ArrayList<>();
    final TaskWaiverRepository waiverStore = new TaskWaiverRepository() {
        @Override
        public void save(TaskWaiver waiver) {
            waivers.add(waiver);
        }

        @Override
        public List<TaskWaiver> ofMeeting(MeetingId meetingId) {
            return waivers.stream().filter(w -> w.meetingId().equals(meetingId)).toList();
        }
    };
    final TaskPolicy policy = new TaskPolicy(
            new TaskPolicy.Year(TaskPolicy.CloseWithoutTask.REFUSE),
            Map.of(2027, new TaskPolicy.Year(TaskPolicy.CloseWithoutTask.WARN)));
    final TaskCloseGuard guard = new TaskCloseGuard(tasks, waiverStore, policy);

    private RosterMember member(MemberId id, String name) {
        return new RosterMember(id, cell, null, OrgPath.of("/hy/cb-a/"), name, MemberStatus.FULL, false, 1);
    }

    private InProgressMeeting meeting(Instant startsAt) {
        return new InProgressMeeting(
                MeetingId.random(),
                cell,
                OrgPath.of("/hy/cb-a/"),
                new MeetingPlan(MeetingKind.REGULAR, "Thường kỳ", null, startsAt, "Thôn An", List.of("Kết luận")),
                Map.of(
                        an, new Attendance(an, AttendanceStatus.PRESENT, null, true),
                        binh, new Attendance(binh, AttendanceStatus.LATE, null, false)),
                startsAt,
                "bt",
                3);
    }

    @Test
    void byDefaultAMeetingWithAPresentMemberWithoutATaskOrAReasonIsNotClosed() {
        InProgressMeeting meeting = meeting(IN_2026);
        tasks.insert(MeetingTask.assign(
                TaskId.random(),
                meeting,
                roster,
                an,
                "Vận động 5 hộ",
                null,
                LocalDate.of(2026, 12, 31),
                "bt",
                IN_2026));

        assertThatThrownBy(() -> guard.beforeClose(meeting, roster))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("tasks-missing");
                    assertThat(e.facts()).containsEntry("field", "tasks");
                    assertThat(e.facts().get("members").toString())
                            .contains(binh.toString())
                            .contains("Trần Thị Bình")
                            .doesNotContain(an.toString());
                });

        waiverStore.save(TaskWaiver.record(meeting, roster, binh, "Đang điều trị bệnh dài ngày", "bt", IN_2026));
        assertThatCode(() -> guard.beforeClose(meeting, roster)).doesNotThrowAnyException();
    }

    @Test
    void aYearWhosePolicyOnlyWarnsClosesAnyway() {
        assertThat(policy.closeWithoutTask(2026)).isEqualTo(TaskPolicy.CloseWithoutTask.REFUSE);
        assertThatCode(() -> guard.beforeClose(meeting(IN_2027), roster)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new TaskPolicy(new TaskPolicy.Year(null), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
