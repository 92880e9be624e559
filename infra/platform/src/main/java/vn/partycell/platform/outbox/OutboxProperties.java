package vn.partycell.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relay's knobs. {@code collections} are the collections whose documents carry an outbox.
 *
 * @param enabled run the relay in this process (tests of pure web slices switch it off)
 * @param pollInterval how long the relay sleeps when nothing is pending and nothing woke it
 * @param batchSize documents taken per pass
 * @param sendTimeout how long to wait for Kafka's acknowledgement; a send starts only while the lease
 *     still covers it, so it must be shorter than {@code lease}
 * @param lease how long one instance holds the relay before another may take over; renewed before
 *     each wave of sends
 * @param maxBackoff the longest wait between passes after a failure that may heal
 * @param sweepInterval how often a pass also sweeps stale and lost markers (a full read of each
 *     collection on the local store, so not on every pass); the first pass always does
 */
@ConfigurationProperties("partycell.outbox")
public record OutboxProperties(
        Boolean enabled,
        List<String> collections,
        Duration pollInterval,
        Integer batchSize,
        Duration sendTimeout,
        Duration lease,
        Duration maxBackoff,
        Duration sweepInterval) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        lease = lease == null ? Duration.ofSeconds(15) : lease;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        if (sendTimeout.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("partycell.outbox.send-timeout (" + sendTimeout
                    + ") must be shorter than partycell.outbox.lease (" + lease + ")");
        }
    }
}
