package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The secretary's confirmation of a task's outcome (revision 1), or a correcting record of it (a
 * later revision, with its reason); never edited. {@code doneOn} is the done date the timing was
 * judged on (null when the task was not done: {@link TaskTiming#OVERDUE}); {@code beyondAsked}
 * says the member did more than was asked (vượt yêu cầu).
 */
public record TaskOutcome(
        int revision,
        TaskTiming timing,
        LocalDate doneOn,
        boolean beyondAsked,
        String note,
        String confirmedBy,
        Instant confirmedAt,
        String correctionReason) {

    public TaskOutcome {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        note = note == null || note.isBlank() ? null : note.strip();
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1");
        }
        if (revision > 1 && correctionReason == null) {
            throw new IllegalArgumentException("a correction has its reason");
        }
        if ((timing == TaskTiming.OVERDUE) == (doneOn != null)) {
            throw new IllegalArgumentException("a done date exactly when the task was done");
        }
    }
}
