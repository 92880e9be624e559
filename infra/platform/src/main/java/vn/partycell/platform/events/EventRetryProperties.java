package vn.partycell.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backoff of a consumer whose infrastructure failed (store unreachable, timeouts): retried without
 * end, in order, waiting {@code initialInterval}, then {@code multiplier} times longer each attempt,
 * at most {@code maxInterval}. The wait happens on the consumer thread between polls, so {@code
 * maxInterval} must stay well below Kafka's {@code max.poll.interval.ms} (5 minutes by default).
 */
@ConfigurationProperties("partycell.events.retry")
public record EventRetryProperties(Duration initialInterval, Double multiplier, Duration maxInterval) {

    static final Duration MAX_POLL_INTERVAL_MARGIN = Duration.ofMinutes(4);

    public EventRetryProperties {
        initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxInterval = maxInterval == null ? Duration.ofSeconds(30) : maxInterval;
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException("partycell.events.retry.initial-interval must be positive");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("partycell.events.retry.multiplier must be at least 1");
        }
        if (maxInterval.compareTo(initialInterval) < 0 || maxInterval.compareTo(MAX_POLL_INTERVAL_MARGIN) > 0) {
            throw new IllegalArgumentException(
                    "partycell.events.retry.max-interval must lie between initial-interval and 4 minutes");
        }
    }

    /** The wait after the given failed attempt (1 = the first failure). */
    public Duration delayAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis((long) millis);
    }
}
