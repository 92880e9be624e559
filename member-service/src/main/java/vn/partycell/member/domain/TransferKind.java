package vn.partycell.member.domain;

/** Chuyển sinh hoạt đảng chính thức (the record moves) or tạm thời (meets there, registered here). */
public enum TransferKind {
    OFFICIAL,
    TEMPORARY
}
