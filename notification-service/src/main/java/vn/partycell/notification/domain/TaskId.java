package vn.partycell.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a concrete task (nhiệm vụ cụ thể), as meeting-service assigned it. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "TaskId");
    }

    public static TaskId of(String value) {
        return new TaskId(UUID.fromString(value));
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
