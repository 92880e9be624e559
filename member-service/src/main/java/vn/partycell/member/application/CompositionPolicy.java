package vn.partycell.member.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.member.domain.CompositionRule;

/**
 * The cell composition rules as configuration, per year ({@code partycell.policy.default.*},
 * overridden by {@code partycell.policy.years.<year>.*}): the defaults in application.yml are the
 * Charter's (3 full members at least; a cell committee from 9). Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record CompositionPolicy(
        @Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, @Valid YearPolicy> years) {

    public CompositionPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null
                && (defaults.cellMinFullMembers() == null || defaults.cellCommitteeFromFullMembers() == null)) {
            throw new IllegalArgumentException(
                    "partycell.policy.default.cell-min-full-members and cell-committee-from-full-members are required");
        }
        if (defaults != null) {
            resolve(defaults, null, 0);
            for (Map.Entry<Integer, YearPolicy> year : years.entrySet()) {
                resolve(defaults, year.getValue(), year.getKey());
            }
        }
    }

    /** One year's values; in {@code years} a missing value falls back to the default. */
    public record YearPolicy(
            @Min(1) @Max(1000) Integer cellMinFullMembers,
            @Min(1) @Max(1000) Integer cellCommitteeFromFullMembers) {}

    /** The rule in force in {@code year}. */
    public CompositionRule rule(int year) {
        return resolve(defaults, years.get(year), year);
    }

    private static CompositionRule resolve(YearPolicy defaults, YearPolicy override, int year) {
        int min = override != null && override.cellMinFullMembers() != null
                ? override.cellMinFullMembers()
                : defaults.cellMinFullMembers();
        int committee = override != null && override.cellCommitteeFromFullMembers() != null
                ? override.cellCommitteeFromFullMembers()
                : defaults.cellCommitteeFromFullMembers();
        if (committee <= min) {
            throw new IllegalArgumentException("partycell.policy cell-committee-from-full-members (" + committee
                    + ") must be above cell-min-full-members (" + min + ") for " + year);
        }
        return new CompositionRule(min, committee);
    }
}
