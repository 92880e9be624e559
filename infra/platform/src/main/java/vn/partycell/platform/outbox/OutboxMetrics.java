package vn.partycell.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.events.EventMetrics;

/**
 * What operations watch of the outbox: published and parked counters, and gauges of the backlog,
 * the oldest pending event's age, the parked records and whether this instance holds the lease. The
 * backlog and the oldest age come from the relay's scans ({@link #scanned}), so the instance holding
 * the lease reads nothing more for them; the others, and the parked records, are read every 2 s, or
 * less often when reading them is slow (see {@link #COST_FACTOR}).
 */
public class OutboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(2);
    /**
     * The gauges are read by queries the local store answers by reading each collection whole, on
     * the relay's thread: after a refresh that took t, the next waits at least this many times t, so
     * they never take more than a small share of the relay's time however large the collections.
     */
    private static final int COST_FACTOR = 10;

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);
    /** A scan younger than this stands for the collection's backlog; an older one is read again. */
    private static final Duration SCAN_FRESH = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final EventMetrics events;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();
    private final AtomicLong parkedRecords = new AtomicLong();
    private final AtomicLong leaseHeld = new AtomicLong();
    private Instant lastRefresh = Instant.EPOCH;
    private Duration wait = REFRESH;

    public OutboxMetrics(
            MongoTemplate mongo,
            OutboxProperties properties,
            EventMetrics events,
            MeterRegistry registry,
            Clock clock) {
        this.mongo = mongo;
        this.collections = properties.collections();
        this.events = events;
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("partycell.outbox.backlog", this, OutboxMetrics::backlog)
                .description("Aggregates with events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("partycell.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("partycell.outbox.parked.records", parkedRecords, AtomicLong::get)
                .description("Events the broker rejected for good, parked; their aggregates publish nothing more")
                .register(registry);
        Gauge.builder("partycell.outbox.lease.held", leaseHeld, AtomicLong::get)
                .description("1 while this instance holds the outbox relay lease")
                .register(registry);
    }

    public void published(OutboxEvent event) {
        events.published(event.topic(), event.envelope().type());
    }

    public void parked(String collection, OutboxEvent event, String reason) {
        Counter.builder("partycell.outbox.parked")
                .description("Events parked because the broker rejected them for good")
                .tag("collection", collection)
                .tag("topic", event.topic())
                .tag("type", event.envelope().type())
                .tag("reason", reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason)
                .register(registry)
                .increment();
    }

    public void leaseLost() {
        Counter.builder("partycell.outbox.lease.lost")
                .description("Times this instance found another one had taken the relay lease over")
                .register(registry)
                .increment();
    }

    public void leaseHeld(boolean held) {
        leaseHeld.set(held ? 1 : 0);
    }

    /** A collection's pending aggregates and its oldest marker, as read at {@code at}. */
    private record Backlog(long count, Date oldest, Instant at) {}

    /** What the relay's scan of a collection's markers found: how many wait, and since when. */
    public void scanned(String collection, long count, Date oldest) {
        backlogs.put(collection, new Backlog(count, oldest, clock.instant()));
    }

    public long backlog() {
        return backlogs.values().stream().mapToLong(Backlog::count).sum();
    }

    public long parkedRecords() {
        return parkedRecords.get();
    }

    /** From the oldest marker read: it grows until the next read finds that aggregate published. */
    public double oldestAgeSeconds() {
        long now = clock.millis();
        return backlogs.values().stream()
                        .map(Backlog::oldest)
                        .filter(Objects::nonNull)
                        .mapToLong(oldest -> Math.max(0, now - oldest.getTime()))
                        .max()
                        .orElse(0)
                / 1000.0;
    }

    /** Re-reads the gauges from the store, at most every two seconds unless forced. */
    public void refresh(boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(lastRefresh, now).compareTo(wait) < 0) {
            return;
        }
        lastRefresh = now;
        long started = System.nanoTime();
        try {
            long parked = 0;
            for (String name : collections) {
                MongoCollection<Document> collection = mongo.getCollection(name);
                Backlog scanned = backlogs.get(name);
                if (scanned == null || Duration.between(scanned.at(), now).compareTo(SCAN_FRESH) > 0) {
                    // Not scanned lately (another instance holds the lease): read here.
                    long count = collection.countDocuments(Filters.exists(OutboxFields.SINCE));
                    Document first = collection
                            .find(Filters.exists(OutboxFields.SINCE))
                            .projection(Projections.include(OutboxFields.SINCE))
                            .sort(Sorts.ascending(OutboxFields.SINCE))
                            .first();
                    scanned(name, count, first == null ? null : first.getDate(OutboxFields.SINCE));
                }
                for (Document doc : collection
                        .find(Filters.exists(OutboxFields.PARKED + ".0"))
                        .projection(Projections.include(OutboxFields.PARKED))) {
                    parked += doc.getList(OutboxFields.PARKED, Document.class, List.of())
                            .size();
                }
            }
            parkedRecords.set(parked);
        } catch (RuntimeException e) {
            log.debug("Outbox gauges not updated: {}", e.toString());
        }
        Duration cost = Duration.ofNanos(System.nanoTime() - started);
        Duration scaled = cost.multipliedBy(COST_FACTOR);
        wait = scaled.compareTo(REFRESH) < 0 ? REFRESH : scaled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : scaled;
    }
}
