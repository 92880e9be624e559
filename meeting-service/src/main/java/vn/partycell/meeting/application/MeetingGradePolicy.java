package vn.partycell.meeting.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;
import vn.partycell.meeting.domain.GradeLevel;
import vn.partycell.meeting.domain.GradeScale;

/**
 * The scale a superior grades a meeting's quality on, per year (rules.md 3.9): the default shipped in
 * application.yml, replaced for a year by {@code partycell.policy.meeting-grade.years.<year>}. Its own
 * prefix, so that a year overriding only the scale does not have to restate the quorum rules of
 * {@link MeetingPolicy}. Checked at start: at least one level, distinct codes, labels present.
 */
@Validated
@ConfigurationProperties("partycell.policy.meeting-grade")
public record MeetingGradePolicy(
        @Name("default") @NotEmpty List<@Valid Level> defaults, Map<Integer, @NotEmpty List<@Valid Level>> years) {

    public MeetingGradePolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null) {
            scaleOf(defaults);
        }
        years.values().forEach(MeetingGradePolicy::scaleOf);
    }

    /** One level: a code clients send (GOOD) and the label people read (Tốt). */
    public record Level(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,31}") String code,
            @NotBlank @Size(max = 100) String label) {}

    /** The scale in force for meetings held in {@code year}. */
    public GradeScale scale(int year) {
        return scaleOf(years.getOrDefault(year, defaults));
    }

    private static GradeScale scaleOf(List<Level> levels) {
        if (levels == null || levels.isEmpty()) {
            throw new IllegalArgumentException("partycell.policy.meeting-grade: a scale has at least one level");
        }
        return new GradeScale(
                levels.stream().map(l -> new GradeLevel(l.code(), l.label())).toList());
    }
}
