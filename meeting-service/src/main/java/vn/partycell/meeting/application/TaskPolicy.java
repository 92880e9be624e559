package vn.partycell.meeting.application;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Tasks at a meeting's conclusion as policy per year ({@code partycell.policy.tasks.default},
 * overridden by {@code partycell.policy.tasks.years.<year>}; infra/docs/rules.md 3.17): whether a
 * meeting may be closed while a present member has neither a task nor a recorded reason. The
 * seeds' 100% is a target a cell sets itself, so a province may make it a warning only. Its own
 * prefix, so a year overriding it does not restate the quorum rules. Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.policy.tasks")
public record TaskPolicy(@Name("default") @NotNull Year defaults, Map<Integer, Year> years) {

    /** What closing does about present members without a task. */
    public enum CloseWithoutTask {
        /** Closing is refused (422 tasks-missing) listing them. */
        REFUSE,
        /** Closing goes ahead; the gap stays visible on the meeting's task sheet and in the log. */
        WARN
    }

    public TaskPolicy {
        years = years == null ? Map.of() : Map.copyOf(years);
        if (defaults != null && defaults.closeWithoutTask() == null) {
            throw new IllegalArgumentException("partycell.policy.tasks.default.close-without-task is missing");
        }
    }

    /** A year's values; a year names only what differs from the default. */
    public record Year(CloseWithoutTask closeWithoutTask) {}

    /** The rule for meetings held in {@code year} (the meeting's local year). */
    public CloseWithoutTask closeWithoutTask(int year) {
        Year override = years.get(year);
        if (override != null && override.closeWithoutTask() != null) {
            return override.closeWithoutTask();
        }
        return defaults.closeWithoutTask();
    }
}
