package vn.partycell.meeting.application;

import jakarta.validation.constraints.NotNull;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.PeriodLength;

/**
 * Rule 3.6 as per-year policy: how often a cell must close a meeting of each watched kind (regular
 * monthly, thematic quarterly by default), under {@code partycell.policy.default.compliance} and
 * {@code partycell.policy.years.<year>.compliance}. Checked at start: the default names a period
 * for the regular and the thematic meeting, and only those two kinds have a frequency.
 */
@Validated
@ConfigurationProperties("partycell.policy")
public record CompliancePolicy(@Name("default") @NotNull Year defaults, Map<Integer, Year> years) {

    /** The kinds whose frequency the Party rules set (3.1); congresses and extraordinary meetings have none. */
    static final List<MeetingKind> WATCHED = List.of(MeetingKind.REGULAR, MeetingKind.THEMATIC);

    public CompliancePolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null) {
            for (MeetingKind kind : WATCHED) {
                if (!defaults.compliance().containsKey(kind)) {
                    throw new IllegalArgumentException("partycell.policy.default.compliance." + kind + " is missing");
                }
            }
        }
    }

    /** One year's frequencies: a period length per kind of meeting. */
    public record Year(Map<MeetingKind, PeriodLength> compliance) {

        public Year {
            compliance = compliance == null || compliance.isEmpty() ? Map.of() : new EnumMap<>(compliance);
            for (MeetingKind kind : compliance.keySet()) {
                if (!WATCHED.contains(kind)) {
                    throw new IllegalArgumentException(
                            "partycell.policy.*.compliance." + kind + ": only REGULAR and THEMATIC have a frequency");
                }
            }
        }
    }

    /** The period a cell must close a meeting of this kind in, for periods of the given year. */
    public PeriodLength every(int year, MeetingKind kind) {
        Year override = years.get(year);
        if (override != null && override.compliance().containsKey(kind)) {
            return override.compliance().get(kind);
        }
        return defaults.compliance().get(kind);
    }

    /** The kinds a period of this length and year requires (e.g. REGULAR for a month by default). */
    public List<MeetingKind> requiredIn(int year, PeriodLength length) {
        return WATCHED.stream().filter(k -> every(year, k) == length).toList();
    }
}
