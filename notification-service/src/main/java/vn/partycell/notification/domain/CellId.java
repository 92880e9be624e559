package vn.partycell.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a party cell (chi bộ), as the producing service assigned it. */
public record CellId(UUID value) {

    public CellId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static CellId of(String value) {
        return new CellId(UUID.fromString(value));
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
