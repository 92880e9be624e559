package vn.partycell.notification.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the "task due soon" reminder job runs: its cron in Asia/Ho_Chi_Minh, how many days before the
 * due date an open task's owner is reminded (1: the day before), and how long one run may hold the
 * lease that keeps other replicas out.
 */
@Validated
@ConfigurationProperties("partycell.notices.task-due-soon")
public record TaskReminderSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 0 7 * * *") @NotNull String cron,
        @DefaultValue("1") @Min(1) @Max(30) int leadDays,
        @DefaultValue("PT10M") @NotNull Duration lease) {}
