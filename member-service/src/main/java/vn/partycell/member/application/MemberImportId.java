package vn.partycell.member.application;

import java.util.Objects;
import java.util.UUID;

/** Identifies one run of a member import (lượt nhập đảng viên); on the wire the bare UUID. */
public record MemberImportId(UUID value) {

    public MemberImportId {
        Objects.requireNonNull(value, "value");
    }

    public static MemberImportId random() {
        return new MemberImportId(UUID.randomUUID());
    }

    public static MemberImportId of(UUID value) {
        return new MemberImportId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
