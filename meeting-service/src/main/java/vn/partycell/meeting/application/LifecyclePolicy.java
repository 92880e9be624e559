package vn.partycell.meeting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * The life-cycle rules of meetings as policy per year ({@code partycell.lifecycle-policy.default},
 * overridden by {@code partycell.lifecycle-policy.years.<year>}; infra/docs/rules.md 3.10): how long
 * before its announced start a meeting may be opened. Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.lifecycle-policy")
public record LifecyclePolicy(
        @Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, YearPolicy> years) {

    public LifecyclePolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null && defaults.startTolerance() == null) {
            throw new IllegalArgumentException("partycell.lifecycle-policy.default.start-tolerance is missing");
        }
        if (defaults != null) {
            check("default", defaults);
        }
        years.forEach((year, p) -> check("years." + year, p));
    }

    /** A year's values; a year names only what differs from the default. */
    public record YearPolicy(Duration startTolerance) {}

    private static void check(String where, YearPolicy p) {
        Duration d = p.startTolerance();
        if (d != null && (d.isNegative() || d.compareTo(Duration.ofDays(1)) > 0)) {
            throw new IllegalArgumentException(
                    "partycell.lifecycle-policy." + where + ".start-tolerance must be between 0 and 1 day, was " + d);
        }
    }

    /** How early before its start a meeting of that year may be opened. */
    public Duration startTolerance(int year) {
        YearPolicy override = years.get(year);
        if (override != null && override.startTolerance() != null) {
            return override.startTolerance();
        }
        return defaults.startTolerance();
    }
}
