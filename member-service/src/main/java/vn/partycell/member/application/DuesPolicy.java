package vn.partycell.member.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The dues rules as configuration, per year: the defaults shipped in application.yml ({@code
 * partycell.policy.default.dues}), overridden by {@code partycell.policy.years.<year>.dues} where a
 * year's guidance differs. Checked at start. The removal threshold itself (3 months) belongs to
 * evaluation-service; member-service only warns the secretary early.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record DuesPolicy(@Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, @Valid YearPolicy> years) {

    public DuesPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null && defaults.dues() == null) {
            throw new IllegalArgumentException("partycell.policy.default.dues is missing");
        }
    }

    /** The policy values of one year; {@code dues} is null in a year that overrides other rules only. */
    public record YearPolicy(@Valid Dues dues) {}

    /**
     * @param warningUnpaidMonths the number of unpaid months in a year from which the missing-dues
     *     list flags a member for the secretary (rules.md 2.8)
     */
    public record Dues(@NotNull @Min(1) @Max(12) Integer warningUnpaidMonths) {}

    /** The number of unpaid months in {@code year} from which a member is flagged. */
    public int warningUnpaidMonths(int year) {
        YearPolicy override = years.get(year);
        if (override != null && override.dues() != null && override.dues().warningUnpaidMonths() != null) {
            return override.dues().warningUnpaidMonths();
        }
        return defaults.dues().warningUnpaidMonths();
    }
}
