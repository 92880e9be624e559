package vn.partycell.member.domain;

/** What one line of a member's status history records. */
public enum StatusChangeKind {
    /** Kết nạp / tiếp nhận: the first line, probationary or full. */
    ADMISSION,
    /** Công nhận đảng viên chính thức: probationary → full. */
    RECOGNITION,
    /** Miễn sinh hoạt (from, planned until): not counted in quorum. */
    EXEMPTION,
    EXEMPTION_END,
    /** Sinh hoạt tạm thời at another cell: counted there for meetings, still registered here. */
    ATTACHMENT,
    ATTACHMENT_END,
    /** Chuyển sinh hoạt đảng requested: in transit, in neither roster until the receiving cell answers. */
    TRANSFER_REQUESTED,
    TRANSFER_ACCEPTED,
    TRANSFER_REFUSED,
    /** Xóa tên (final). */
    REMOVAL,
    /** Khai trừ (final), always written with its discipline decision. */
    EXPULSION,
    /** Từ trần (final). */
    DEATH,
    /** Voids the line or discipline decision it names; nothing is edited. */
    CORRECTION
}
