package vn.partycell.notification.domain;

/** How far a member's unexcused absences of a year have gone, as evaluation-service judged them. */
public enum RemovalReviewLevel {
    /** Below the year's warning threshold. */
    NONE,
    /** From the warning threshold: the member is warned early (cảnh báo). */
    WARNING,
    /** From the review threshold: the cell must consider the member for removal (xem xét xóa tên). */
    REVIEW
}
