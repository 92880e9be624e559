package vn.partycell.notification.domain;

/** A member's status as member-service's contract (common.v1.json, memberStatus) names it. */
public enum MemberStatus {
    /** Dự bị. */
    PROBATIONARY,
    /** Chính thức. */
    FULL,
    /** Xóa tên. */
    REMOVED,
    /** Khai trừ. */
    EXPELLED,
    /** Từ trần. */
    DECEASED,
    /** Chuyển sinh hoạt đảng to an organisation outside this system. */
    TRANSFERRED_OUT
}
