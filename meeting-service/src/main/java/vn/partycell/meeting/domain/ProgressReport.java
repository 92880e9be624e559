package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One progress report of a task by its owner, never edited: the history of reports is the task's
 * record of progress. {@code doneOn} (local date) is set only for {@link TaskProgress#DONE}.
 */
public record ProgressReport(int seq, TaskProgress progress, String note, LocalDate doneOn, Instant reportedAt) {

    public ProgressReport {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(reportedAt, "reportedAt");
        note = note == null || note.isBlank() ? null : note.strip();
        if (seq < 1) {
            throw new IllegalArgumentException("reports are numbered from 1");
        }
        if ((progress == TaskProgress.DONE) != (doneOn != null)) {
            throw new IllegalArgumentException("a done date exactly on a DONE report");
        }
    }
}
