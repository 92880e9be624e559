package vn.partycell.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

/**
 * Probes the broker on a fixed interval and publishes the answer as the gauge
 * {@code partycell.kafka.reachable} (1 up, 0 down; NaN before the first probe), so Prometheus can
 * alert on a broker the service cannot reach. Kafka is no longer in readiness, so nothing else
 * would show it. The probe runs on its own thread: a scrape never waits for a broker timeout.
 */
public class KafkaReachability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaReachability.class);

    private final HealthIndicator kafka;
    private final Duration interval;
    private volatile double reachable = Double.NaN;
    private ScheduledExecutorService executor;

    public KafkaReachability(HealthIndicator kafka, Duration interval, MeterRegistry registry) {
        this.kafka = kafka;
        this.interval = interval;
        Gauge.builder("partycell.kafka.reachable", this, KafkaReachability::reachable)
                .description("1 when the last probe reached the Kafka cluster, 0 when it did not")
                .register(registry);
    }

    public double reachable() {
        return reachable;
    }

    void probe() {
        Health health = kafka.health();
        boolean up = health != null && Status.UP.equals(health.getStatus());
        double before = reachable;
        reachable = up ? 1 : 0;
        if (up && before == 0) {
            log.info("Kafka reachable again");
        } else if (!up && before != 0) {
            log.warn(
                    "Kafka unreachable: {}; reads and writes go on, events wait in the outbox",
                    health == null ? "no answer" : health.getDetails());
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "partycell-kafka-probe");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::probeQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probeQuietly() {
        try {
            probe();
        } catch (RuntimeException e) {
            reachable = 0;
            log.warn("Kafka probe failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
