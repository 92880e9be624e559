package vn.partycell.meeting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.QuorumRule;

/**
 * The Party's meeting rules as configuration, per year: the defaults shipped in application.yml,
 * overridden by {@code partycell.policy.years.<year>} where a year's guidance differs. Checked at
 * start so a bad value stops the service instead of deciding quorums wrongly.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record MeetingPolicy(
        @Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, @Valid YearPolicy> years) {

    public MeetingPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null) {
            for (MeetingKind kind : MeetingKind.values()) {
                if (defaults.quorum() == null || !defaults.quorum().containsKey(kind)) {
                    throw new IllegalArgumentException("partycell.policy.default.quorum." + kind + " is missing");
                }
            }
        }
    }

    /** Quorum for one kind of meeting: a fraction with "more than" or "at least". */
    public record QuorumSetting(
            @NotNull QuorumRule.Comparison comparison,
            @Min(0) @Max(100) int numerator,
            @Min(1) @Max(100) int denominator) {

        QuorumRule rule() {
            return new QuorumRule(comparison, numerator, denominator);
        }
    }

    /**
     * One year's values. A {@code years.<year>} override may name any subset (only {@code compliance},
     * for instance): what it leaves out comes from the default, which names every kind (checked above).
     */
    public record YearPolicy(Map<MeetingKind, @Valid QuorumSetting> quorum) {

        public YearPolicy {
            // An override that names no quorum (absent, or written empty) takes every kind from the default.
            quorum = quorum == null || quorum.isEmpty() ? Map.of() : new EnumMap<>(quorum);
            quorum.values().forEach(QuorumSetting::rule);
        }
    }

    /** The rule in force for a kind of meeting held in a year. */
    public QuorumRule quorum(int year, MeetingKind kind) {
        YearPolicy override = years.get(year);
        if (override != null && override.quorum().containsKey(kind)) {
            return override.quorum().get(kind).rule();
        }
        return defaults.quorum().get(kind).rule();
    }
}
