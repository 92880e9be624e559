package vn.partycell.evaluation.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a party cell (chi bộ), as the producing service assigned it. */
public record CellId(UUID value) implements Comparable<CellId> {

    public CellId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static CellId of(String value) {
        return new CellId(UUID.fromString(value));
    }

    @Override
    public int compareTo(CellId other) {
        return value.compareTo(other.value);
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
