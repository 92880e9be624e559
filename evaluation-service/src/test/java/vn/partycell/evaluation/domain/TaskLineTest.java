package vn.partycell.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One task's events merged into its line: the latest outcome wins, the assignment whenever it comes. */
class TaskLineTest {

    final TaskId taskId = new TaskId(UUID.randomUUID());
    final MemberId owner = new MemberId(UUID.randomUUID());
    final MeetingId meeting = new MeetingId(UUID.randomUUID());
    final CellId cell = new CellId(UUID.randomUUID());
    final LocalDate due = LocalDate.parse("2025-03-31");

    TaskFact.Assigned assigned() {
        return new TaskFact.Assigned(
                taskId, owner, meeting, cell, due, "Thu đảng phí quý I", Instant.parse("2025-01-06T03:00:00Z"), 1);
    }

    TaskFact.Settled settled(TaskOutcome outcome, String on, boolean beyond, long version) {
        return new TaskFact.Settled(taskId, owner, meeting, cell, due, outcome, LocalDate.parse(on), beyond, version);
    }

    static TaskLine applyAll(List<? extends TaskFact> facts) {
        TaskLine line = null;
        for (TaskFact f : facts) {
            line = TaskLine.apply(line, f).orElse(line);
        }
        return line;
    }

    @Test
    void anOverdueThenDoneLateTaskCountsOnceAsLate() {
        TaskLine line = applyAll(List.of(
                assigned(),
                settled(TaskOutcome.OVERDUE, "2025-04-01", false, 2),
                settled(TaskOutcome.LATE, "2025-04-03", true, 3)));
        assertThat(line.outcome()).isEqualTo(TaskOutcome.LATE);
        assertThat(line.beyondAsked()).isTrue();
        assertThat(line.outcomeVersion()).isEqualTo(3);
        MemberTasks tasks = new MemberTasks(owner, 2025, List.of(line));
        assertThat(tasks.totals().count(TaskFigure.OVERDUE)).isZero();
        assertThat(tasks.totals().count(TaskFigure.DONE_LATE)).isEqualTo(1);
        assertThat(tasks.notDoneOnTime()).containsExactly(line);
    }

    @Test
    void anOlderOrRepeatedOutcomeChangesNothing() {
        TaskLine late = applyAll(List.of(assigned(), settled(TaskOutcome.LATE, "2025-04-03", false, 3)));
        assertThat(late.apply(settled(TaskOutcome.OVERDUE, "2025-04-01", false, 2)))
                .isEmpty();
        assertThat(late.apply(settled(TaskOutcome.LATE, "2025-04-03", false, 3)))
                .isEmpty();
        assertThat(late.apply(assigned())).isEmpty();
        // A correcting record (a newer version) replaces the outcome in force.
        assertThat(late.apply(settled(TaskOutcome.ON_TIME, "2025-03-30", false, 4)))
                .hasValueSatisfying(l -> assertThat(l.outcome()).isEqualTo(TaskOutcome.ON_TIME));
    }

    @Test
    void anOutcomeBeforeItsAssignmentKeepsBoth() {
        TaskLine line = applyAll(List.of(settled(TaskOutcome.OVERDUE, "2025-04-01", false, 2), assigned()));
        assertThat(line.outcome()).isEqualTo(TaskOutcome.OVERDUE);
        assertThat(line.title()).isEqualTo("Thu đảng phí quý I");
        assertThat(line.assignedVersion()).isEqualTo(1);
        assertThat(line.writes()).isEqualTo(2);
    }

    @Test
    void anyOrderOfTheSameEventsGivesTheSameLine() {
        List<TaskFact> facts = new ArrayList<>(List.of(
                assigned(),
                settled(TaskOutcome.OVERDUE, "2025-04-01", false, 2),
                settled(TaskOutcome.ON_TIME, "2025-03-30", true, 3),
                settled(TaskOutcome.LATE, "2025-04-03", false, 4)));
        Random random = new Random(366);
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            List<TaskFact> shuffled = new ArrayList<>(facts);
            Collections.shuffle(shuffled, random);
            shuffled.addAll(shuffled.subList(0, 2));
            TaskLine line = applyAll(shuffled);
            outcomes.merge(
                    line.outcome() + "/" + line.outcomeOn() + "/" + line.beyondAsked() + "/" + line.title(),
                    1,
                    Integer::sum);
        }
        assertThat(outcomes).containsOnlyKeys("LATE/2025-04-03/false/Thu đảng phí quý I");
    }

    @Test
    void theTaskConditionFollowsTheYearsPolicy() {
        TaskLine late = applyAll(List.of(assigned(), settled(TaskOutcome.LATE, "2025-04-03", false, 3)));
        MemberTasks tasks = new MemberTasks(owner, 2025, List.of(late));
        TaskCondition required = TaskCondition.assess(tasks, new TaskPolicy(true));
        assertThat(required.required()).isTrue();
        assertThat(required.met()).isFalse();
        assertThat(required.failing()).containsExactly(late);
        assertThat(required.reasons()).singleElement().asString().contains("1 trễ hạn, 0 quá hạn");
        TaskCondition off = TaskCondition.assess(tasks, new TaskPolicy(false));
        assertThat(off.required()).isFalse();
        assertThat(off.met()).isTrue();
        assertThat(off.reasons()).isEmpty();
        assertThat(TaskCondition.assess(MemberTasks.none(owner, 2025), new TaskPolicy(true))
                        .met())
                .isTrue();
    }

    @Test
    void refusesAnotherTasksEventAndAnOverdueBeyondWhatWasAsked() {
        TaskLine line = TaskLine.start(assigned());
        TaskFact other = new TaskFact.Assigned(
                new TaskId(UUID.randomUUID()), owner, meeting, cell, due, "Khác", Instant.EPOCH, 1);
        assertThatThrownBy(() -> line.apply(other)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settled(TaskOutcome.OVERDUE, "2025-04-01", true, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
