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

    /**
     * The one definition of an active member in member-service: probationary or full. Only an active
     * member may be admitted or change status; the other statuses are final here ({@code
     * infra/docs/rules.md} 2.3).
     */
    public boolean isActive() {
        return this == PROBATIONARY || this == FULL;
    }
}
