package vn.partycell.meeting.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the daily overdue watch of tasks runs (operations, not Party policy): its cron in
 * Asia/Ho_Chi_Minh, how long one run may hold the lease that keeps other replicas out, how many
 * past due days each run looks back over (so missed days are caught up), and tasks per batch.
 */
@Validated
@ConfigurationProperties("partycell.tasks.overdue-watch")
public record TaskWatchSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 15 1 * * *") @NotNull String cron,
        @DefaultValue("PT30M") @NotNull Duration lease,
        @DefaultValue("7") @Min(1) @Max(366) int lookBackDays,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {}
