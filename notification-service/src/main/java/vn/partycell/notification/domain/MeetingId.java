package vn.partycell.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a cell meeting (buổi sinh hoạt chi bộ), as the producing service assigned it. */
public record MeetingId(UUID value) {

    public MeetingId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static MeetingId of(String value) {
        return new MeetingId(UUID.fromString(value));
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
