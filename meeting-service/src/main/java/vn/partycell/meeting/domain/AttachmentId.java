package vn.partycell.meeting.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a document attached to a meeting. Stored and sent as the UUID's text. */
public record AttachmentId(UUID value) {

    public AttachmentId {
        Objects.requireNonNull(value, "AttachmentId");
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    public static AttachmentId of(String value) {
        return new AttachmentId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
