package vn.partycell.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.partycell.evaluation.domain.ScorecardTest.MEMBER;
import static vn.partycell.evaluation.domain.ScorecardTest.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemovalReviewTest {

    /** A scorecard with an unexcused absence in each of the given months, plus excused ones elsewhere. */
    private static Scorecard absentIn(int... months) {
        List<MeetingEntry> entries = new ArrayList<>();
        entries.add(entry("2025-12-05T01:00:00Z", 12, AttendanceStatus.EXCUSED, false));
        entries.add(entry("2025-11-05T01:00:00Z", 11, AttendanceStatus.PRESENT, true));
        for (int m : months) {
            entries.add(entry("2025-%02d-05T01:00:00Z".formatted(m), m, AttendanceStatus.ABSENT, false));
        }
        return new Scorecard(MEMBER, 2025, entries);
    }

    @Test
    void warnsAtTheWarningMonthsAndCallsForReviewAtTheReviewMonths() {
        RemovalReviewPolicy policy = new RemovalReviewPolicy(2, 3);

        assertThat(RemovalReview.assess(absentIn(), policy)).isEmpty();
        assertThat(RemovalReview.assess(absentIn(4), policy)).isEmpty();

        RemovalReview warning = RemovalReview.assess(absentIn(4, 2), policy).orElseThrow();
        assertThat(warning.level()).isEqualTo(RemovalReview.Level.WARNING);
        assertThat(warning.months()).containsExactly(2, 4);
        assertThat(warning.absences()).extracting(MeetingEntry::month).containsExactly(2, 4);
        assertThat(warning.policy()).isEqualTo(policy);

        RemovalReview review = RemovalReview.assess(absentIn(1, 2, 3), policy).orElseThrow();
        assertThat(review.level()).isEqualTo(RemovalReview.Level.REVIEW);
        assertThat(review.months()).containsExactly(1, 2, 3);
        assertThat(RemovalReview.assess(absentIn(1, 2, 3, 4, 5), policy).map(RemovalReview::level))
                .contains(RemovalReview.Level.REVIEW);
    }

    @Test
    void followsThePolicyOfTheYearNotAConstant() {
        Scorecard twoMonths = absentIn(6, 7);

        assertThat(RemovalReview.assess(twoMonths, new RemovalReviewPolicy(1, 2))
                        .map(RemovalReview::level))
                .contains(RemovalReview.Level.REVIEW);
        assertThat(RemovalReview.assess(twoMonths, new RemovalReviewPolicy(3, 4)))
                .isEqualTo(Optional.empty());
        assertThat(RemovalReview.assess(absentIn(6), new RemovalReviewPolicy(1, 2))
                        .map(RemovalReview::level))
                .contains(RemovalReview.Level.WARNING);
    }

    @Test
    void twoAbsencesInOneMonthAreOneMonth() {
        Scorecard card = new Scorecard(
                MEMBER,
                2025,
                List.of(
                        entry("2025-03-05T01:00:00Z", 3, AttendanceStatus.ABSENT, false),
                        entry("2025-03-19T01:00:00Z", 3, AttendanceStatus.ABSENT, false)));

        assertThat(RemovalReview.assess(card, new RemovalReviewPolicy(2, 3))).isEmpty();
    }

    @Test
    void aPolicyNeedsAWarningBeforeTheReview() {
        assertThatThrownBy(() -> new RemovalReviewPolicy(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemovalReviewPolicy(3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemovalReviewPolicy(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemovalReviewPolicy(2, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
