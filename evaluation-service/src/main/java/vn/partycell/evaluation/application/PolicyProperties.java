package vn.partycell.evaluation.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.TaskPolicy;

/**
 * The evaluation policy of each year (infra/docs/rules.md: every (rule) number is configuration): shipped
 * defaults under {@code partycell.policy.default}, and per-year overrides under {@code
 * partycell.policy.years.<year>} that replace only the values they name. Checked at start: a year
 * whose merged values make no sense stops the service.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record PolicyProperties(
        @Name("default") @NotNull(message = "phải có chính sách mặc định (partycell.policy.default)") @Valid
        YearPolicy defaults,

        Map<Integer, @Valid YearPolicy> years) {

    public static final int FIRST_YEAR = 1930;
    public static final int LAST_YEAR = 2100;

    public PolicyProperties {
        years = years == null ? Map.of() : Map.copyOf(years);
    }

    /** One year's policy; a value left out of a year's override is taken from the default. */
    public record YearPolicy(@Valid RemovalReviewSettings removalReview, TaskSettings tasks) {}

    /** Months with unexcused absences that raise a warning, and that call for the removal review. */
    public record RemovalReviewSettings(
            @Min(value = 1, message = "phải từ 1 trở lên") @Max(value = 12, message = "không quá 12")
            Integer warningMonths,

            @Min(value = 1, message = "phải từ 1 trở lên") @Max(value = 12, message = "không quá 12")
            Integer reviewMonths) {}

    /**
     * The task condition on a member's rating ({@code tasks.all-on-time-for-good}): whether good and
     * above need every task done on time (366-QĐ/TW of 30 August 2025).
     */
    public record TaskSettings(Boolean allOnTimeForGood) {}

    /** The task condition in force for a year: that year's override over the default; off when neither says. */
    public TaskPolicy tasks(int year) {
        YearPolicy override = years.get(year);
        Boolean own = override == null || override.tasks() == null
                ? null
                : override.tasks().allOnTimeForGood();
        Boolean base = defaults == null || defaults.tasks() == null
                ? null
                : defaults.tasks().allOnTimeForGood();
        return new TaskPolicy(Boolean.TRUE.equals(pick(own, base)));
    }

    /** The removal-review policy in force for a year: that year's override over the default. */
    public RemovalReviewPolicy removalReview(int year) {
        YearPolicy override = years.get(year);
        return removalReview(override == null ? null : override.removalReview());
    }

    private RemovalReviewPolicy removalReview(RemovalReviewSettings own) {
        RemovalReviewSettings base = defaults == null ? null : defaults.removalReview();
        Integer warning = pick(own == null ? null : own.warningMonths(), base == null ? null : base.warningMonths());
        Integer review = pick(own == null ? null : own.reviewMonths(), base == null ? null : base.reviewMonths());
        if (warning == null || review == null) {
            throw new IllegalArgumentException(
                    "Thiếu partycell.policy.default.removal-review.warning-months" + " hoặc review-months");
        }
        return new RemovalReviewPolicy(warning, review);
    }

    @AssertTrue(
            message = "removal-review của mặc định và của từng năm phải có warning-months >= 1 và"
                    + " warning-months < review-months <= 12 (giá trị của năm gộp với mặc định)")
    public boolean isRemovalReviewConsistentEveryYear() {
        try {
            removalReview((RemovalReviewSettings) null);
            for (YearPolicy year : years.values()) {
                removalReview(year == null ? null : year.removalReview());
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(message = "năm trong partycell.policy.years phải từ " + FIRST_YEAR + " đến " + LAST_YEAR)
    public boolean isEveryYearInRange() {
        return years.keySet().stream().allMatch(y -> y >= FIRST_YEAR && y <= LAST_YEAR);
    }

    private static <T> T pick(T own, T fallback) {
        return own != null ? own : fallback;
    }
}
