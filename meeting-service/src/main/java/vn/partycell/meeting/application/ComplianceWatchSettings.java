package vn.partycell.meeting.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the daily compliance watch runs (operations, not Party policy): its cron in
 * Asia/Ho_Chi_Minh, how long one run may hold the lease that keeps other replicas out, and how
 * many cells it reads per batch.
 */
@Validated
@ConfigurationProperties("partycell.compliance.watch")
public record ComplianceWatchSettings(
        @DefaultValue("0 30 1 * * *") @NotNull String cron,
        @DefaultValue("PT30M") @NotNull Duration lease,
        @DefaultValue("1000") @Min(1) @Max(10_000) int batchSize) {}
