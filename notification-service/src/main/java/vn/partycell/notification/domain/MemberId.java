package vn.partycell.notification.domain;

import java.util.Objects;
import java.util.UUID;

/** The id of a party member (đảng viên), as the producing service assigned it. */
public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the UUID text of the wire and of stored documents. */
    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    /** The bare UUID text, as the JSON and stored shapes carry it. */
    @Override
    public String toString() {
        return value.toString();
    }
}
