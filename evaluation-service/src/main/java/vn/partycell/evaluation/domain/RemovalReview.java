package vn.partycell.evaluation.domain;

import java.util.List;
import java.util.Optional;

/**
 * A member flagged for the removal review: the level reached, the months with unexcused absences
 * and the absences behind them.
 */
public record RemovalReview(
        Level level, List<Integer> months, List<MeetingEntry> absences, RemovalReviewPolicy policy) {

    public enum Level {
        /** Enough months to warn the secretary early (cảnh báo). */
        WARNING,
        /** Enough months that the member must be considered for removal (xem xét xóa tên). */
        REVIEW
    }

    public RemovalReview {
        months = List.copyOf(months);
        absences = List.copyOf(absences);
    }

    /** The review the scorecard calls for under the policy, or empty when it calls for none. */
    public static Optional<RemovalReview> assess(Scorecard scorecard, RemovalReviewPolicy policy) {
        List<Integer> months = scorecard.unexcusedAbsenceMonths();
        return levelOf(months.size(), policy)
                .map(level -> new RemovalReview(level, months, scorecard.unexcusedAbsences(), policy));
    }

    /** The level that this many months with an unexcused absence reach under the policy, if any. */
    public static Optional<Level> levelOf(int months, RemovalReviewPolicy policy) {
        if (months >= policy.reviewMonths()) {
            return Optional.of(Level.REVIEW);
        }
        if (months >= policy.warningMonths()) {
            return Optional.of(Level.WARNING);
        }
        return Optional.empty();
    }
}
