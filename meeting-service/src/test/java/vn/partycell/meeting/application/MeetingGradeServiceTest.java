package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.application.MeetingGradeService.Grading;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The superior's grade use cases against in-memory ports. */
class MeetingGradeServiceTest {

    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");
    private final InMemoryMeetingGradeRepository grades = new InMemoryMeetingGradeRepository();
    private final InMemoryMeetingRepository meetings = new InMemoryMeetingRepository();
    private final MeetingGradePolicy policy = new MeetingGradePolicy(
            List.of(
                    new MeetingGradePolicy.Level("GOOD", "Tốt"),
                    new MeetingGradePolicy.Level("FAIR", "Khá"),
                    new MeetingGradePolicy.Level("AVERAGE", "Trung bình"),
                    new MeetingGradePolicy.Level("POOR", "Kém")),
            Map.of(
                    2027,
                    List.of(
                            new MeetingGradePolicy.Level("EXCELLENT", "Xuất sắc"),
                            new MeetingGradePolicy.Level("GOOD", "Tốt"))));
    private final MeetingGradeService service = new MeetingGradeService(
            grades, meetings, policy, Clock.fixed(Instant.parse("2026-03-05T05:00:00Z"), ZoneOffset.UTC));

    private final Caller superior =
            new Caller("du", Optional.of(UUID.randomUUID()), List.of(new Grant(OrgPath.of("/hy/a/"), Role.SUPERIOR)));
    private final Caller secretary = caller("bt", CELL_PATH, Role.SECRETARY);
    private final Caller member = caller("dv", CELL_PATH, Role.MEMBER);
    private final Caller outsider = caller("du-b", OrgPath.of("/hy/b/"), Role.SUPERIOR);

    private static Caller caller(String name, OrgPath path, Role role) {
        return new Caller(name, Optional.empty(), List.of(new Grant(path, role)));
    }

    private MeetingId meeting(String startsAt, boolean held) {
        MemberId m = new MemberId(UUID.randomUUID());
        MeetingPlan plan = new MeetingPlan(
                MeetingKind.REGULAR,
                "Sinh hoạt thường kỳ",
                null,
                Instant.parse(startsAt),
                "Hội trường",
                List.of("Nội dung"));
        MeetingId id = MeetingId.random();
        CellId cell = new CellId(UUID.randomUUID());
        Meeting meeting = held
                ? new InProgressMeeting(
                        id,
                        cell,
                        CELL_PATH,
                        plan,
                        Map.of(m, new Attendance(m, AttendanceStatus.PRESENT, null, false)),
                        Instant.parse(startsAt),
                        "bt",
                        1)
                : new ScheduledMeeting(id, cell, CELL_PATH, plan, 1);
        meetings.insert(Change.<Meeting, MeetingEvent>silent(meeting));
        return meeting.id();
    }

    @Test
    void theSuperiorGradesOnceThenCorrectsWithAReasonOnTheYearsScale() {
        MeetingId id = meeting("2026-03-05T01:00:00Z", true);
        MeetingGrade graded = service.grade(superior, id, new Grading("FAIR", "Còn ít phát biểu", true));
        assertThat(graded.current().gradedByMemberId())
                .isEqualTo(superior.memberId().orElseThrow().toString());
        assertThatThrownBy(() -> service.grade(superior, id, new Grading("GOOD", null, true)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-already-graded"));
        assertThatThrownBy(() -> service.correct(superior, id, 7L, new Grading("GOOD", null, true), "Sửa"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        MeetingGrade corrected = service.correct(superior, id, 1L, new Grading("GOOD", null, true), "Xem lại biên bản");
        assertThat(corrected.current().revision()).isEqualTo(2);
        assertThat(service.get(member, id).current().grade().code()).isEqualTo("GOOD");
        assertThat(grades.events()).hasSize(2);

        // 2027 has its own scale: FAIR is not on it, EXCELLENT is.
        MeetingId next = meeting("2027-01-10T01:00:00Z", true);
        assertThatThrownBy(() -> service.grade(superior, next, new Grading("FAIR", null, true)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.facts())
                                .containsEntry("field", "grade")
                                .containsEntry("scale", List.of("EXCELLENT", "GOOD")));
        assertThat(service.grade(superior, next, new Grading("EXCELLENT", null, false))
                        .current()
                        .scale())
                .containsExactly("EXCELLENT", "GOOD");
        assertThat(grades.events()).hasSize(3);
    }

    @Test
    void aMeetingNotYetHeldIsNotGradedAndNothingIsWritten() {
        MeetingId id = meeting("2026-03-10T01:00:00Z", false);
        assertThatThrownBy(() -> service.grade(superior, id, new Grading("GOOD", null, true)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-not-held"));
        assertThat(grades.find(id)).isEmpty();
        assertThatThrownBy(() -> service.correct(superior, id, null, new Grading("GOOD", null, true), "x"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("meeting-not-graded"));
    }

    @Test
    void outsideTheSubtreeIs404AndTheCellsOwnSecretaryOrAMemberMayNotGrade() {
        MeetingId id = meeting("2026-03-05T01:00:00Z", true);
        List<Consumer<Caller>> writes = List.of(
                c -> service.grade(c, id, new Grading("GOOD", null, true)),
                c -> service.correct(c, id, null, new Grading("GOOD", null, true), "x"));
        for (Consumer<Caller> write : writes) {
            assertThatThrownBy(() -> write.accept(outsider)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> write.accept(secretary)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> write.accept(member)).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> service.get(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.scale(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(member, id)).isInstanceOf(NotFoundException.class);
        assertThat(service.scale(member, id).codes()).containsExactly("GOOD", "FAIR", "AVERAGE", "POOR");
    }

    @Test
    void aScaleWithoutLevelsOrWithARepeatedCodeStopsTheStart() {
        assertThatThrownBy(() -> new MeetingGradePolicy(List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeetingGradePolicy(
                        List.of(
                                new MeetingGradePolicy.Level("GOOD", "Tốt"),
                                new MeetingGradePolicy.Level("GOOD", "Khá")),
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeetingGradePolicy(
                        List.of(new MeetingGradePolicy.Level("GOOD", "Tốt")), Map.of(2027, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
