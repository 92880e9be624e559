package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One task on its owner's yearly facts, merged from the task's events and keyed by its id: what the
 * assignment said ({@code title}, {@code assignedAt}; null until it arrives) and the outcome in
 * force (null while open). The outcome is the one of the newest task version seen, so a task
 * found overdue and later done late counts once, as late; an older or repeated event changes
 * nothing. The assignment is kept apart from the outcome, so it may arrive after it.
 *
 * @param assignedVersion the task version of the assignment applied, 0 when none
 * @param outcomeVersion the task version of the outcome in force, 0 when open
 * @param writes how many events changed this line: what a conditional write compares
 */
public record TaskLine(
        TaskId taskId,
        MeetingId meetingId,
        CellId cellId,
        LocalDate dueOn,
        String title,
        Instant assignedAt,
        long assignedVersion,
        TaskOutcome outcome,
        LocalDate outcomeOn,
        boolean beyondAsked,
        long outcomeVersion,
        int writes) {

    public TaskLine {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(dueOn, "dueOn");
        if ((outcome == null) != (outcomeVersion == 0)) {
            throw new IllegalArgumentException("Kết quả và phiên bản kết quả của nhiệm vụ " + taskId + " không khớp");
        }
    }

    /** The line a task's first event starts. */
    public static TaskLine start(TaskFact fact) {
        TaskLine empty = new TaskLine(
                fact.taskId(), fact.meetingId(), fact.cellId(), fact.dueOn(), null, null, 0, null, null, false, 0, 0);
        return empty.apply(fact).orElseThrow();
    }

    /** Applies the first event, or a later one to the stored line; empty when it changes nothing. */
    public static Optional<TaskLine> apply(TaskLine stored, TaskFact fact) {
        return stored == null ? Optional.of(start(fact)) : stored.apply(fact);
    }

    /** This line with the event applied, or empty when it changes nothing (a repeat, or an older outcome). */
    public Optional<TaskLine> apply(TaskFact fact) {
        if (!fact.taskId().equals(taskId)) {
            throw new IllegalArgumentException("Sự kiện của nhiệm vụ " + fact.taskId() + " không thuộc " + taskId);
        }
        return switch (fact) {
            case TaskFact.Assigned a -> {
                if (assignedVersion != 0) {
                    yield Optional.empty();
                }
                yield Optional.of(new TaskLine(
                        taskId,
                        meetingId,
                        cellId,
                        dueOn,
                        a.title(),
                        a.assignedAt(),
                        a.version(),
                        outcome,
                        outcomeOn,
                        beyondAsked,
                        outcomeVersion,
                        writes + 1));
            }
            case TaskFact.Settled s -> {
                if (s.version() <= outcomeVersion) {
                    yield Optional.empty();
                }
                yield Optional.of(new TaskLine(
                        taskId,
                        meetingId,
                        cellId,
                        dueOn,
                        title,
                        assignedAt,
                        assignedVersion,
                        s.outcome(),
                        s.on(),
                        s.beyondAsked(),
                        s.version(),
                        writes + 1));
            }
        };
    }

    /** The quarter (1–4) of the due date: the 2025 regulation also rates quarterly. */
    public int quarter() {
        return (dueOn.getMonthValue() - 1) / 3 + 1;
    }

    public boolean open() {
        return outcome == null;
    }
}
