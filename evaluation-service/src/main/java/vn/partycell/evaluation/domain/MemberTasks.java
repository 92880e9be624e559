package vn.partycell.evaluation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A member's tasks due in one year, one line per task id. Nothing is counted apart from the lines:
 * every task figure is derived from them, so the same events give the same figures whatever order
 * they arrived in and however often.
 */
public record MemberTasks(MemberId memberId, int year, List<TaskLine> tasks) {

    /** Lines in due-date order, then by task id. */
    private static final Comparator<TaskLine> ORDER =
            Comparator.comparing(TaskLine::dueOn).thenComparing(TaskLine::taskId);

    public MemberTasks {
        Objects.requireNonNull(memberId, "memberId");
        Set<TaskId> seen = new HashSet<>();
        for (TaskLine line : tasks) {
            if (!seen.add(line.taskId())) {
                throw new IllegalArgumentException("Nhiệm vụ " + line.taskId() + " đã có trong năm");
            }
        }
        List<TaskLine> sorted = new ArrayList<>(tasks);
        sorted.sort(ORDER);
        tasks = List.copyOf(sorted);
    }

    public static MemberTasks none(MemberId memberId, int year) {
        return new MemberTasks(memberId, year, List.of());
    }

    public Optional<TaskLine> task(TaskId taskId) {
        return tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
    }

    /** The figures over the whole year. */
    public Tally totals() {
        return Tally.of(tasks);
    }

    /** The figures over the tasks due in one quarter (1–4). */
    public Tally quarter(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("Quý phải từ 1 đến 4, nhận được " + quarter);
        }
        return Tally.of(tasks.stream().filter(t -> t.quarter() == quarter).toList());
    }

    /** Tasks whose latest outcome is late or overdue: each counts once, by its latest outcome. */
    public List<TaskLine> notDoneOnTime() {
        return tasks.stream()
                .filter(t -> t.outcome() != null && t.outcome().failsOnTime())
                .toList();
    }

    /** Each task figure over a set of lines, with the lines behind it. */
    public record Tally(Map<TaskFigure, List<TaskLine>> byFigure) {

        public Tally {
            byFigure = Map.copyOf(byFigure);
        }

        static Tally of(List<TaskLine> lines) {
            Map<TaskFigure, List<TaskLine>> by = new EnumMap<>(TaskFigure.class);
            for (TaskFigure figure : TaskFigure.values()) {
                by.put(figure, lines.stream().filter(figure::counts).toList());
            }
            return new Tally(by);
        }

        public int count(TaskFigure figure) {
            return byFigure.get(figure).size();
        }

        public List<TaskLine> lines(TaskFigure figure) {
            return byFigure.get(figure);
        }
    }
}
