package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One task event as scoring reads it ({@code meetings.task.v1}). Every event carries the owner, the
 * meeting, the cell and the due date, so any of them can place the task on the owner's year before
 * the assignment itself arrives. {@code version} is the task's own version after the change: the
 * higher one is the newer fact.
 */
public sealed interface TaskFact {

    TaskId taskId();

    MemberId ownerId();

    MeetingId meetingId();

    CellId cellId();

    LocalDate dueOn();

    long version();

    /**
     * The year a task counts in: the year of its due date (Asia/Ho_Chi_Minh, as the contract gives
     * it). Chosen over the meeting's year because every task event carries the due date, so an
     * outcome that arrives before its assignment lands on the same year's facts.
     */
    default int year() {
        return dueOn().getYear();
    }

    /** {@code meetings.task.assigned}: the task was given to its owner at a meeting's conclusion. */
    record Assigned(
            TaskId taskId,
            MemberId ownerId,
            MeetingId meetingId,
            CellId cellId,
            LocalDate dueOn,
            String title,
            Instant assignedAt,
            long version)
            implements TaskFact {

        public Assigned {
            requireCommon(taskId, ownerId, meetingId, cellId, dueOn, version);
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(assignedAt, "assignedAt");
        }
    }

    /**
     * {@code meetings.task.done-on-time}, {@code done-late} or {@code overdue}: an outcome of the task.
     *
     * @param on the done date for a done outcome, the detection date for an overdue one
     * @param beyondAsked whether the member did more than was asked (false for overdue)
     */
    record Settled(
            TaskId taskId,
            MemberId ownerId,
            MeetingId meetingId,
            CellId cellId,
            LocalDate dueOn,
            TaskOutcome outcome,
            LocalDate on,
            boolean beyondAsked,
            long version)
            implements TaskFact {

        public Settled {
            requireCommon(taskId, ownerId, meetingId, cellId, dueOn, version);
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(on, "on");
            if (beyondAsked && outcome == TaskOutcome.OVERDUE) {
                throw new IllegalArgumentException("Nhiệm vụ quá hạn không thể vượt yêu cầu");
            }
        }
    }

    private static void requireCommon(
            TaskId taskId, MemberId ownerId, MeetingId meetingId, CellId cellId, LocalDate dueOn, long version) {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(dueOn, "dueOn");
        if (version < 1) {
            throw new IllegalArgumentException("Phiên bản nhiệm vụ phải từ 1 trở lên, nhận được " + version);
        }
    }
}
