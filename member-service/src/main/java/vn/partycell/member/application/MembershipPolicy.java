package vn.partycell.member.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The membership rules that are numbers, per year ({@code infra/docs/rules.md} 2.5): the defaults
 * in application.yml, overridden by {@code partycell.policy.years.<year>}. Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record MembershipPolicy(
        @Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, @Valid YearPolicy> years) {

    public MembershipPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null
                && (defaults.probation() == null
                        || defaults.probation().months() == null
                        || defaults.probation().recognitionWorkingDays() == null)) {
            throw new IllegalArgumentException("partycell.policy.default.probation.months and "
                    + "partycell.policy.default.probation.recognition-working-days are required");
        }
    }

    /** A year's values; in {@code years.<year>} any of them may be left out to keep the default. */
    public record YearPolicy(@Valid Probation probation) {}

    /**
     * @param months how long probation lasts (dự bị, 12 months)
     * @param recognitionWorkingDays working days after its end within which the cell must decide on
     *     recognition before it is overdue (30)
     */
    public record Probation(
            @Min(1) @Max(60) Integer months,
            @Min(0) @Max(366) Integer recognitionWorkingDays) {}

    /** Months of probation for a member admitted in {@code year}. */
    public int probationMonths(int year) {
        return value(year, Probation::months);
    }

    /** The last day for the recognition of a probation ending on {@code dueOn} (weekends not counted). */
    public LocalDate recognitionDeadline(LocalDate dueOn) {
        int days = value(dueOn.getYear(), Probation::recognitionWorkingDays);
        LocalDate day = dueOn;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return day;
    }

    private int value(int year, Function<Probation, Integer> field) {
        YearPolicy override = years.get(year);
        if (override != null && override.probation() != null && field.apply(override.probation()) != null) {
            return field.apply(override.probation());
        }
        return field.apply(defaults.probation());
    }
}
