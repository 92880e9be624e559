package vn.partycell.notification.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.notification.domain.NoticePolicy;

/**
 * The policy numbers notices quote, per year: shipped defaults under {@code
 * partycell.policy.default}, overridden for a year under {@code partycell.policy.years.<year>}.
 * Checked at start; a value out of range stops the service.
 *
 * @param defaults what applies to a year with no override (every value required)
 * @param years overrides per calendar year; a value left out falls back to the default
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record NoticePolicies(
        @Name("default") @NotNull @Valid Values defaults, Map<Integer, @Valid Values> years) {

    /**
     * @param removalReviewAbsentMonths months in a year with unexcused absence from party meetings
     *     after which the member must be considered for removal (xóa tên)
     */
    public record Values(@Min(1) @Max(12) Integer removalReviewAbsentMonths) {}

    public NoticePolicies {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null && defaults.removalReviewAbsentMonths() == null) {
            throw new IllegalArgumentException("partycell.policy.default.removal-review-absent-months is required");
        }
    }

    public NoticePolicy forYear(int year) {
        Values override = years.get(year);
        Integer months = override != null && override.removalReviewAbsentMonths() != null
                ? override.removalReviewAbsentMonths()
                : defaults.removalReviewAbsentMonths();
        return new NoticePolicy(year, months);
    }
}
