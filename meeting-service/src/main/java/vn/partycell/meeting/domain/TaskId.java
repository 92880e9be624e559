package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** A task's (nhiệm vụ được giao) identity. Stored and sent as the UUID's text. */
public record TaskId(UUID value) {

    public static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    public TaskId {
        Objects.requireNonNull(value, "TaskId");
    }

    /** Parses the UUID text; anything else is an IllegalArgumentException. */
    public static TaskId of(String value) {
        return new TaskId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
