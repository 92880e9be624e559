package vn.partycell.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.CellHistory;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.Meeting;
import vn.partycell.localstack.seed.DemoMeetingHistoryPlan.MeetingKind;
import vn.partycell.localstack.seed.DemoProvincePlan.MemberPlan;

class DemoMeetingHistoryPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DemoProvincePlan province = DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, TODAY);
    private final DemoMeetingHistoryPlan plan = DemoMeetingHistoryPlan.generate(province, TODAY);

    private CellHistory cell(String code) {
        return plan.cells().stream()
                .filter(c -> c.cell().code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static List<YearMonth> months(CellHistory cell, MeetingKind kind) {
        return cell.meetings().stream()
                .filter(m -> m.kind() == kind)
                .map(m -> YearMonth.from(m.day()))
                .toList();
    }

    @Test
    void isReproducible() {
        assertThat(DemoMeetingHistoryPlan.generate(province, TODAY).cells()).isEqualTo(plan.cells());
    }

    @Test
    void eightCellsUnderTheThreeCommittees() {
        assertThat(plan.cells())
                .extracting(c -> c.cell().code())
                .containsExactly("cb-01", "cb-02", "cb-03", "cb-04", "cb-11", "cb-12", "cb-21", "cb-22");
        Map<String, String> committeeOf = province.province().children().stream()
                .flatMap(committee -> committee.children().stream()
                        .flatMap(g -> g.children().stream())
                        .map(cell -> Map.entry(cell.code(), committee.code())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(committeeOf.get("cb-04")).isEqualTo("du-khoi-ccq");
        assertThat(committeeOf.get("cb-12")).isEqualTo("huyen-uy-vl");
        assertThat(committeeOf.get("cb-22")).isEqualTo("thanh-uy-hy");
        // Both demo superiors see a cell that kept the last month and one that missed it.
        YearMonth last = YearMonth.from(TODAY).minusMonths(1);
        for (List<String> committee : List.of(List.of("cb-01", "cb-02", "cb-03", "cb-04"), List.of("cb-11", "cb-12"))) {
            assertThat(committee.stream()
                            .map(this::cell)
                            .filter(c -> c.missedMonths().contains(last)))
                    .isNotEmpty();
            assertThat(committee.stream()
                            .map(this::cell)
                            .filter(c -> months(c, MeetingKind.REGULAR).contains(last)))
                    .isNotEmpty();
        }
    }

    @Test
    void aRegularMeetingEveryMonthAndAThematicOneEveryQuarterInsideTheApiWindows() {
        // 23 Nov 2026: the 5 Nov 2025 meeting's tasks (due from 19 Nov 2025) fall before a year ago; the
        // thematic meeting of 20 Nov 2025 (tasks due from 4 Dec 2025) fits.
        assertThat(months(cell("cb-01"), MeetingKind.REGULAR))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 11)
                        .mapToObj(i -> YearMonth.of(2025, 11).plusMonths(i))
                        .toList());
        assertThat(months(cell("cb-01"), MeetingKind.THEMATIC))
                .containsExactly(
                        YearMonth.of(2025, 11), YearMonth.of(2026, 2), YearMonth.of(2026, 5), YearMonth.of(2026, 8));
        // Early in the month the 13th month back still fits.
        LocalDate early = LocalDate.of(2026, 11, 3);
        DemoMeetingHistoryPlan earlyPlan = DemoMeetingHistoryPlan.generate(province, early);
        assertThat(months(earlyPlan.cells().getFirst(), MeetingKind.REGULAR))
                .hasSize(12)
                .startsWith(YearMonth.of(2025, 11));

        for (Meeting meeting : plan.meetings()) {
            LocalDate day = meeting.startsAt().atZone(VIETNAM).toLocalDate();
            LocalTime time = meeting.startsAt().atZone(VIETNAM).toLocalTime();
            assertThat(day).isEqualTo(meeting.day()).isBefore(TODAY);
            assertThat(day).isAfter(TODAY.minusMonths(13));
            if (meeting.kind() == MeetingKind.REGULAR) {
                assertThat(meeting.title())
                        .isEqualTo("Sinh hoạt chi bộ thường kỳ tháng " + day.getMonthValue() + "/" + day.getYear());
                assertThat(day.getDayOfMonth()).isEqualTo(5);
                assertThat(time).isEqualTo(LocalTime.of(8, 0));
                assertThat(meeting.topic()).isNull();
            } else {
                assertThat(meeting.title()).startsWith("Sinh hoạt chuyên đề quý ");
                assertThat(meeting.topic()).isNotBlank();
                assertThat(day.getDayOfMonth()).isEqualTo(20);
            }
            assertThat(meeting.place()).matches("(Nhà văn hóa|Phòng họp) .+");
        }
        for (CellHistory cell : plan.cells()) {
            assertThat(cell.meetings()).extracting(Meeting::title).doesNotHaveDuplicates();
        }
        assertThat(plan.meetings().stream()
                        .map(Meeting::topic)
                        .filter(t -> t != null)
                        .distinct())
                .contains("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    }

    @Test
    void theGaps() {
        assertThat(cell("cb-03").missedMonths()).containsExactly(YearMonth.of(2026, 6), YearMonth.of(2026, 10));
        assertThat(cell("cb-03").missedQuarters()).containsExactly("2026-Q3");
        assertThat(months(cell("cb-03"), MeetingKind.THEMATIC)).doesNotContain(YearMonth.of(2026, 8));
        assertThat(cell("cb-04").missedMonths()).containsExactly(YearMonth.of(2026, 10));
        assertThat(cell("cb-12").missedMonths()).containsExactly(YearMonth.of(2026, 10));
        assertThat(cell("cb-04").missedQuarters()).isEmpty();
        assertThat(cell("cb-22").missedMonths()).isEmpty();
        assertThat(cell("cb-22").missedQuarters()).containsExactly("2026-Q2");
        for (String kept : List.of("cb-01", "cb-02", "cb-11", "cb-21")) {
            assertThat(cell(kept).missedMonths()).as(kept).isEmpty();
            assertThat(cell(kept).missedQuarters()).as(kept).isEmpty();
            assertThat(cell(kept).meetings()).as(kept).hasSize(15);
        }
        assertThat(plan.meetings()).hasSize(15 * 8 - 3 - 1 - 1 - 1);
    }

    @Test
    void attendanceSpeakersAndRemarks() {
        int met = 0;
        int notMet = 0;
        for (CellHistory cell : plan.cells()) {
            List<MemberPlan> members = province.membersByCell().get(cell.cell().code());
            for (Meeting meeting : cell.meetings()) {
                assertThat(meeting.absences()).isNotEmpty();
                meeting.absences().forEach((slot, absence) -> {
                    assertThat(members.get(slot).exempted()).isFalse();
                    assertThat(absence.status()).isIn("EXCUSED", "ABSENT");
                    if (absence.status().equals("EXCUSED")) {
                        assertThat(absence.reason()).isNotBlank();
                    }
                });
                assertThat(meeting.speakers())
                        .doesNotContainAnyElementsOf(meeting.absences().keySet());
                assertThat(meeting.speakers())
                        .allSatisfy(
                                slot -> assertThat(members.get(slot).exempted()).isFalse());
                if (meeting.speakers().size() >= DemoMeetingHistoryPlan.SPEAKERS_TARGET) {
                    met++;
                } else {
                    notMet++;
                }
                assertThat(meeting.abstaining()).allSatisfy(slot -> {
                    assertThat(members.get(slot).status()).isEqualTo(DemoProvincePlan.Status.FULL);
                    assertThat(meeting.absences()).doesNotContainKey(slot);
                });
                assertThat(meeting.resolutionTitle()).startsWith("Nghị quyết ");
            }
        }
        assertThat(met).isGreaterThan(3 * notMet);
        assertThat(notMet).isPositive();
        assertThat(plan.meetings().stream().flatMap(m -> m.remarks().stream()).map(r -> r.kind()))
                .contains("COMMENDATION", "CRITICISM");
        // cb-01's member reprimanded later missed three regular meetings without a reason.
        assertThat(cell("cb-01").meetings().stream()
                        .filter(m -> m.absences().containsKey(DemoMeetingHistoryPlan.REPRIMANDED)
                                && m.absences()
                                        .get(DemoMeetingHistoryPlan.REPRIMANDED)
                                        .status()
                                        .equals("ABSENT")))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void tasksAreDueTwoToFourWeeksLaterAndSomeAreOverdue() {
        int overdue = 0;
        for (Meeting meeting : plan.meetings()) {
            for (int slot = -1; slot < DemoProvincePlan.MEMBERS_PER_CELL; slot++) {
                LocalDate due = meeting.task(slot).dueOn();
                assertThat(due)
                        .isBetween(meeting.day().plusDays(14), meeting.day().plusDays(28));
                assertThat(due).isAfter(TODAY.minusYears(1));
                assertThat(meeting.task(slot).title()).isNotBlank();
            }
            for (int slot : meeting.overdue()) {
                assertThat(meeting.task(slot).dueOn()).isBefore(TODAY);
                assertThat(meeting.absences()).doesNotContainKey(slot);
                overdue++;
            }
        }
        assertThat(overdue)
                .isBetween(plan.meetings().size() / 2, plan.meetings().size() * 2);
        // The last month's tasks are not overdue yet when they are not due yet.
        Meeting october = cell("cb-01").meetings().stream()
                .filter(m -> m.title().equals("Sinh hoạt chi bộ thường kỳ tháng 10/2026"))
                .findFirst()
                .orElseThrow();
        assertThat(october.overdue())
                .allSatisfy(slot -> assertThat(october.task(slot).dueOn()).isBefore(TODAY));
    }

    @Test
    void theOtherTasksPastDueWereDoneMostlyOnTimeSomeLateSomeBeyondWhatWasAsked() {
        int onTime = 0;
        int late = 0;
        int beyond = 0;
        for (Meeting meeting : plan.meetings()) {
            for (var entry : meeting.done().entrySet()) {
                int slot = entry.getKey();
                LocalDate doneOn = entry.getValue().doneOn();
                LocalDate due = meeting.task(slot).dueOn();
                assertThat(meeting.overdue()).doesNotContain(slot);
                assertThat(meeting.absences()).doesNotContainKey(slot);
                assertThat(due).as("only tasks past due have an outcome").isBefore(TODAY);
                assertThat(doneOn).isAfter(meeting.day()).isBefore(TODAY);
                if (doneOn.isAfter(due)) {
                    late++;
                    assertThat(entry.getValue().beyondAsked()).isFalse();
                } else {
                    onTime++;
                    beyond += entry.getValue().beyondAsked() ? 1 : 0;
                }
            }
        }
        assertThat(onTime).isGreaterThan(5 * late);
        assertThat(late).isPositive();
        assertThat(beyond).isPositive().isLessThan(onTime / 4);
    }

    @Test
    void mostMeetingsAreGradedOnTheScale() {
        long graded = plan.meetings().stream().filter(m -> m.grade() != null).count();
        assertThat(graded)
                .isGreaterThan(plan.meetings().size() * 3L / 4)
                .isLessThan(plan.meetings().size());
        Set<String> grades = plan.meetings().stream()
                .filter(m -> m.grade() != null)
                .map(m -> m.grade().grade())
                .collect(Collectors.toSet());
        assertThat(grades).contains("GOOD", "FAIR", "AVERAGE").isSubsetOf("GOOD", "FAIR", "AVERAGE", "POOR");
        plan.meetings().stream().filter(m -> m.grade() != null).forEach(m -> {
            assertThat(m.grade().comment()).isNotBlank();
            if (m.speakers().size() < DemoMeetingHistoryPlan.SPEAKERS_TARGET) {
                assertThat(m.grade().grade()).isIn("AVERAGE", "POOR");
            }
        });
    }
}
