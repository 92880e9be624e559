package vn.partycell.meeting.domain;

import java.time.LocalDate;

/** What happened to a task that scoring and notices react to. */
public sealed interface TaskEvent {

    MeetingTask task();

    /** Assigned at a meeting's conclusion (giao nhiệm vụ). */
    record Assigned(MeetingTask task) implements TaskEvent {}

    /** The owner reported progress: the latest report of the task. */
    record Reported(MeetingTask task) implements TaskEvent {}

    /** The secretary confirmed (or corrected to) done on time: the latest outcome. */
    record DoneOnTime(MeetingTask task) implements TaskEvent {}

    /** The secretary confirmed (or corrected to) done late: the latest outcome. */
    record DoneLate(MeetingTask task) implements TaskEvent {}

    /**
     * Not done by its due date: found by the daily watch on {@code detectedOn} (once per task,
     * {@code confirmed} false), or the secretary's confirmed outcome (confirmed true, the latest
     * outcome).
     */
    record Overdue(MeetingTask task, LocalDate detectedOn, boolean confirmed) implements TaskEvent {}
}
