package vn.partycell.meeting.domain;

/**
 * A member's status as member-service publishes it (contract {@code memberStatus}): probationary
 * (dự bị), full (chính thức), removed (xóa tên), expelled (khai trừ), deceased (từ trần), transferred
 * out (chuyển sinh hoạt đảng to an organisation outside this system).
 */
public enum MemberStatus {
    PROBATIONARY,
    FULL,
    REMOVED,
    EXPELLED,
    DECEASED,
    TRANSFERRED_OUT
}
