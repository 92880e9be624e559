package vn.partycell.meeting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.meeting.application.MeetingPolicy.QuorumSetting;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.QuorumRule;

/**
 * The rules of a meeting's proceedings as policy per year (infra/docs/rules.md 3.7, 3.13, 3.16): how
 * many members should speak at a meeting of each kind (the seeds' "at least 8"), the votes for a
 * resolution needs of the full members (more than half), the votes a candidate needs of the ballots
 * cast (more than half), and how long after a cell's congress another congress of it still falls in
 * the same term. The default in application.yml ({@code partycell.policy.proceedings.default}); a
 * year names only what differs ({@code partycell.policy.proceedings.years.<year>}). Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.policy.proceedings")
public record ProceedingsPolicy(
        @Name("default") @NotNull @Valid YearPolicy defaults, Map<Integer, @Valid YearPolicy> years) {

    public ProceedingsPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null) {
            for (MeetingKind kind : MeetingKind.values()) {
                if (!defaults.speakersTarget().containsKey(kind)) {
                    throw new IllegalArgumentException(
                            "partycell.policy.proceedings.default.speakers-target." + kind + " is missing");
                }
                if (!defaults.resolutionPass().containsKey(kind)) {
                    throw new IllegalArgumentException(
                            "partycell.policy.proceedings.default.resolution-pass." + kind + " is missing");
                }
            }
            if (defaults.election() == null) {
                throw new IllegalArgumentException("partycell.policy.proceedings.default.election is missing");
            }
            if (defaults.congressInterval() == null) {
                throw new IllegalArgumentException("partycell.policy.proceedings.default.congress-interval is missing");
            }
        }
        years.forEach((year, p) -> check("years." + year, p));
        if (defaults != null) {
            check("default", defaults);
        }
    }

    /** A year's values; a year names only what differs from the default. */
    public record YearPolicy(
            Map<MeetingKind, Integer> speakersTarget,
            Map<MeetingKind, @Valid QuorumSetting> resolutionPass,
            @Valid QuorumSetting election,
            Period congressInterval) {

        public YearPolicy {
            speakersTarget =
                    speakersTarget == null || speakersTarget.isEmpty() ? Map.of() : new EnumMap<>(speakersTarget);
            resolutionPass =
                    resolutionPass == null || resolutionPass.isEmpty() ? Map.of() : new EnumMap<>(resolutionPass);
        }
    }

    private static void check(String where, YearPolicy p) {
        p.speakersTarget().forEach((kind, n) -> {
            if (n == null || n < 0 || n > 1000) {
                throw new IllegalArgumentException("partycell.policy.proceedings." + where + ".speakers-target." + kind
                        + " must be between 0 and 1000, was " + n);
            }
        });
        p.resolutionPass().values().forEach(QuorumSetting::rule);
        if (p.election() != null) {
            p.election().rule();
        }
        Period term = p.congressInterval();
        if (term != null && (term.isNegative() || term.isZero() || term.toTotalMonths() > 12 * 10)) {
            throw new IllegalArgumentException("partycell.policy.proceedings." + where
                    + ".congress-interval must be more than 0 and at most 10 years, was " + term);
        }
    }

    /** How many members should speak at a meeting of that kind and year. */
    public int speakersTarget(int year, MeetingKind kind) {
        YearPolicy y = years.get(year);
        return y != null && y.speakersTarget().containsKey(kind)
                ? y.speakersTarget().get(kind)
                : defaults.speakersTarget().get(kind);
    }

    /** The votes for a resolution needs, as a fraction of the full members who are not exempted. */
    public QuorumRule resolutionPass(int year, MeetingKind kind) {
        YearPolicy y = years.get(year);
        return (y != null && y.resolutionPass().containsKey(kind)
                        ? y.resolutionPass().get(kind)
                        : defaults.resolutionPass().get(kind))
                .rule();
    }

    /** The votes a candidate needs, as a fraction of the ballots cast. */
    public QuorumRule election(int year) {
        YearPolicy y = years.get(year);
        return (y != null && y.election() != null ? y.election() : defaults.election()).rule();
    }

    /**
     * The least time between two congresses of a cell: one held less than this after the previous
     * congress falls in the same term (meeting-service does not follow member-service's terms yet).
     */
    public Period congressInterval(int year) {
        YearPolicy y = years.get(year);
        return y != null && y.congressInterval() != null ? y.congressInterval() : defaults.congressInterval();
    }
}
