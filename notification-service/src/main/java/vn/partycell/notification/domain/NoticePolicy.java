package vn.partycell.notification.domain;

/**
 * The policy numbers a year's notices quote (DOMAIN.md, marked rule): they come from per-year
 * configuration, never from code.
 *
 * @param year the year the numbers apply to
 * @param removalReviewAbsentMonths months in a year with unexcused absence after which a member
 *     must be considered for removal (xóa tên)
 */
public record NoticePolicy(int year, int removalReviewAbsentMonths) {

    public NoticePolicy {
        if (removalReviewAbsentMonths < 1 || removalReviewAbsentMonths > 12) {
            throw new IllegalArgumentException(
                    "Số tháng vắng không lý do phải trong khoảng 1..12, nhận được " + removalReviewAbsentMonths);
        }
    }
}
