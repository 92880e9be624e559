package vn.partycell.evaluation.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a cell meeting (buổi sinh hoạt chi bộ), as the producing service assigned it. */
public record MeetingId(UUID value) implements Comparable<MeetingId> {

    public MeetingId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static MeetingId of(String value) {
        return new MeetingId(UUID.fromString(value));
    }

    @Override
    public int compareTo(MeetingId other) {
        return value.compareTo(other.value);
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
