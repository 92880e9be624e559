package vn.partycell.evaluation.domain;

import java.util.function.Predicate;

/** The numbers a scorecard shows about tasks; each is the count of the task lines it accepts. */
public enum TaskFigure {
    /** Tasks of the member due in the period: every task known by any of its events. */
    ASSIGNED(t -> true),
    /** Latest outcome: done on time. */
    DONE_ON_TIME(t -> t.outcome() == TaskOutcome.ON_TIME),
    /** Latest outcome: done late. */
    DONE_LATE(t -> t.outcome() == TaskOutcome.LATE),
    /** Latest outcome: overdue. */
    OVERDUE(t -> t.outcome() == TaskOutcome.OVERDUE),
    /** No outcome yet. */
    OPEN(TaskLine::open),
    /** Done beyond what was asked (vượt yêu cầu), by the latest outcome. */
    BEYOND_ASKED(TaskLine::beyondAsked);

    private final Predicate<TaskLine> counts;

    TaskFigure(Predicate<TaskLine> counts) {
        this.counts = counts;
    }

    public boolean counts(TaskLine line) {
        return counts.test(line);
    }
}
