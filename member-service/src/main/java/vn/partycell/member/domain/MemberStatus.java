package vn.partycell.member.domain;

/**
 * Where a member stands: probationary (dự bị) until recognised as full (chính thức); or out of the
 * cell: removed (xóa tên), expelled (khai trừ), deceased, transferred out (chuyển sinh hoạt).
 */
public enum MemberStatus {
    PROBATIONARY,
    FULL,
    REMOVED,
    EXPELLED,
    DECEASED,
    TRANSFERRED_OUT;

    public boolean isActive() {
        return this == PROBATIONARY || this == FULL;
    }
}
