package vn.partycell.evaluation.domain;

/**
 * When missed meetings put a member up for removal (xóa tên): a member with unexcused absences in
 * {@code reviewMonths} months of a year must be considered for removal; from {@code warningMonths}
 * months the secretary is warned early. The numbers are policy of the year, never constants.
 */
public record RemovalReviewPolicy(int warningMonths, int reviewMonths) {

    public RemovalReviewPolicy {
        if (warningMonths < 1) {
            throw new IllegalArgumentException("Số tháng cảnh báo phải từ 1 trở lên, nhận được " + warningMonths);
        }
        if (reviewMonths <= warningMonths) {
            throw new IllegalArgumentException("Số tháng xem xét xóa tên (" + reviewMonths
                    + ") phải lớn hơn số tháng cảnh báo (" + warningMonths + ")");
        }
        if (reviewMonths > 12) {
            throw new IllegalArgumentException("Số tháng xem xét xóa tên không quá 12, nhận được " + reviewMonths);
        }
    }
}
