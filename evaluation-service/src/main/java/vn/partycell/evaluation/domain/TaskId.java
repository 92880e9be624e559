package vn.partycell.evaluation.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a task (nhiệm vụ) assigned at a meeting, as meeting-service assigned it. */
public record TaskId(UUID value) implements Comparable<TaskId> {

    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static TaskId of(String value) {
        return new TaskId(UUID.fromString(value));
    }

    @Override
    public int compareTo(TaskId other) {
        return value.compareTo(other.value);
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
