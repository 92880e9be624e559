package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** The superior's grade: only a meeting being held or closed, on the year's scale, corrected by a record. */
class MeetingGradeTest {

    private static final GradeScale SCALE = new GradeScale(List.of(
            new GradeLevel("GOOD", "Tốt"),
            new GradeLevel("FAIR", "Khá"),
            new GradeLevel("AVERAGE", "Trung bình"),
            new GradeLevel("POOR", "Kém")));
    private static final Instant AT = Instant.parse("2026-03-05T03:00:00Z");
    private final MemberId member = new MemberId(UUID.randomUUID());

    /** Held (in progress) when it has attendance, otherwise only scheduled. */
    private Meeting scheduled(Map<MemberId, Attendance> attendance) {
        // 23:30 UTC on 31 March is 1 April in Hanoi: the grade counts for April.
        Instant startsAt = Instant.parse("2026-03-31T23:30:00Z");
        MeetingPlan plan = new MeetingPlan(
                MeetingKind.REGULAR, "Sinh hoạt thường kỳ", null, startsAt, "Hội trường", List.of("Nội dung"));
        MeetingId id = MeetingId.random();
        CellId cell = new CellId(UUID.randomUUID());
        OrgPath path = OrgPath.of("/hy/a/cb-01/");
        return attendance.isEmpty()
                ? new ScheduledMeeting(id, cell, path, plan, 2)
                : new InProgressMeeting(id, cell, path, plan, attendance, startsAt, "bt", 2);
    }

    private Meeting inProgress() {
        return scheduled(Map.of(member, new Attendance(member, AttendanceStatus.PRESENT, null, true)));
    }

    @Test
    void aMeetingNotYetHeldCannotBeGraded() {
        assertThatThrownBy(() -> MeetingGrade.grade(scheduled(Map.of()), SCALE, "GOOD", null, true, "du", null, AT))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-not-held"));
    }

    @Test
    void aGradeOutsideTheYearsScaleIsRefusedNamingTheField() {
        assertThatThrownBy(() -> MeetingGrade.grade(inProgress(), SCALE, "EXCELLENT", null, true, "du", null, AT))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("grade-not-in-scale");
                    assertThat(e.facts()).containsEntry("field", "grade");
                });
    }

    @Test
    void aCorrectionIsANewRecordWithItsReasonAndTheFirstStays() {
        var graded = MeetingGrade.grade(inProgress(), SCALE, "FAIR", "Còn ít phát biểu", true, "du", null, AT);
        assertThat(graded.events()).singleElement().isInstanceOf(MeetingGradeEvent.Graded.class);
        MeetingGrade grade = graded.state();
        assertThat(grade.month()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(grade.current().scale()).containsExactly("GOOD", "FAIR", "AVERAGE", "POOR");

        assertThatThrownBy(() -> grade.correct(SCALE, "GOOD", null, true, "", "du", null, AT))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "reason"));
        var corrected = grade.correct(SCALE, "GOOD", null, true, "Nhầm biên bản", "du", null, AT);
        assertThat(corrected.state().records())
                .extracting(GradeRecord::revision)
                .containsExactly(1, 2);
        assertThat(corrected.state().records().getFirst().grade().code()).isEqualTo("FAIR");
        assertThat(corrected.state().current().grade().code()).isEqualTo("GOOD");
        assertThat(corrected.state().current().correctionReason()).isEqualTo("Nhầm biên bản");
        assertThat(corrected.state().version()).isEqualTo(2);
        assertThat(corrected.events()).hasSize(1);
    }
}
