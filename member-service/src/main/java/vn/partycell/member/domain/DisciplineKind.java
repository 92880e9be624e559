package vn.partycell.member.domain;

/** Hình thức kỷ luật đảng viên: khiển trách, cảnh cáo, cách chức, khai trừ. */
public enum DisciplineKind {
    REPRIMAND,
    WARNING,
    DISMISSAL_FROM_POST,
    EXPULSION
}
