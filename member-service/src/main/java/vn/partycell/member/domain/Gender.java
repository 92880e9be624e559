package vn.partycell.member.domain;

/** Giới tính, as recorded on the citizen ID. */
public enum Gender {
    MALE,
    FEMALE
}
