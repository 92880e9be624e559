package vn.partycell.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import vn.partycell.platform.mongo.IdVersionIndex;

/**
 * Publishes pending outbox events to Kafka, in order per aggregate, and removes each one only after
 * Kafka acknowledged it. A crash between the two re-publishes on restart (consumers are idempotent);
 * a broker outage leaves the events in place and the relay backs off and tries again.
 *
 * <p>A pass sends in waves: wave n carries the n-th pending event of every aggregate in the batch,
 * so aggregates are pipelined while one aggregate's next event leaves only after the previous one
 * was acknowledged. Before each wave the lease is renewed, and before each send it must still cover
 * the send timeout ({@link OutboxLease}); otherwise the pass stops at once.
 *
 * <p>Which aggregates a pass reads: those in the {@link OutboxQueue}, by {@code _id}. This process's
 * writes put theirs there as they happen ({@link OutboxSignal}); a scan of the pending markers adds
 * every other one (another instance's writes, those left by a crash), and gives the backlog gauges
 * their figures. On the local store the scan reads the whole collection, so it runs once its last
 * cost has been repaid ten times over; on MongoDB it is an index read, so about every poll.
 *
 * <p>An event the broker rejects for good ({@link OutboxRejections}) moves to the document's
 * {@code outboxParked} list and its aggregate is blocked: its later events stay in the outbox
 * unpublished until an operator re-queues the parked one, so nothing overtakes it; other
 * aggregates go on.
 */
public class OutboxRelay implements SmartLifecycle, OutboxSignal {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** A scan waits this many times its last cost (and at least a poll) before the next one. */
    private static final int SCAN_COST_FACTOR = 10;
    /** Ids queued per collection, in batches: a scan's worth; more wait for the next scan. */
    private static final int QUEUED_BATCHES = 50;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxLease lease;
    private final OutboxMetrics metrics;
    private final Semaphore signal = new Semaphore(0);
    private final int queueCapacity;
    private final OutboxQueue queue;
    /** Per collection, by the relay's thread only. */
    private final Map<String, Scan> scans = new HashMap<>();

    private volatile Thread worker;
    private volatile boolean running;
    /** When the last safety sweep ran (nanoTime; 0: never), by the relay's thread only. */
    private long lastSweep;

    /** Runs just before each send: tests use it to make a relay slow at the worst moment. */
    volatile Consumer<OutboxEvent> beforeSend = event -> {};

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            OutboxLease lease,
            OutboxMetrics metrics) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.lease = lease;
        this.metrics = metrics;
        this.queueCapacity = Math.max(10_000, QUEUED_BATCHES * properties.batchSize());
        this.queue = new OutboxQueue(queueCapacity);
    }

    @Override
    public void eventsWritten(String collection, Collection<?> aggregateIds) {
        if (properties.collections().contains(collection)) {
            queue.offer(collection, aggregateIds);
        }
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public void start() {
        for (String collection : properties.collections()) {
            mongo.getCollection(collection)
                    .createIndex(Indexes.ascending(OutboxFields.SINCE), new IndexOptions().sparse(true));
            // Every optimistic-lock write of these aggregates filters on _id and version.
            IdVersionIndex.ensure(mongo.getCollection(collection));
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lease.release();
        metrics.leaseHeld(false);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop after the web server and the consumers, start before them.
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        Duration backoff = properties.pollInterval();
        while (running) {
            int published;
            try {
                published = relayOnce(false);
                metrics.refresh(false);
                backoff = properties.pollInterval();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay pass failed, retrying in {}: {}", backoff, e.toString());
                metrics.refresh(true);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                continue;
            }
            if (published == 0) {
                sleep(properties.pollInterval());
            }
        }
    }

    /**
     * One pass over every outbox collection, if this instance holds the lease, with a scan of their
     * markers (as a started relay's first pass); returns how many events Kafka acknowledged. Throws
     * after the pass when a send failed in a way that may heal.
     */
    public int relayOnce() {
        return relayOnce(true);
    }

    /** With {@code scan}, the pass scans every collection's markers whether or not one is due. */
    int relayOnce(boolean scan) {
        boolean holds = lease.hold();
        metrics.leaseHeld(holds);
        if (!holds) {
            return 0;
        }
        Pass pass = new Pass();
        pass.sweep = sweepDue();
        pass.scan = scan;
        for (String collection : properties.collections()) {
            if (pass.fenced) {
                break;
            }
            relay(collection, pass);
        }
        if (pass.failure != null) {
            throw pass.failure;
        }
        return pass.published;
    }

    /** What one pass did, across collections. */
    private static final class Pass {
        int published;
        boolean sweep;
        boolean scan;
        boolean fenced;
        RuntimeException failure;
    }

    /** The last scan of a collection's pending markers (nanoTime; 0: never). */
    private static final class Scan {
        long endedAt;
        long cost;
        /** It found more aggregates than the queue took: the next scan comes once the queue is empty. */
        boolean more;
    }

    /** One aggregate's pending events in a pass and how far they got. */
    private static final class Pending {
        final Object id;
        /** The aggregate's version as read: unchanged, no service wrote to it since. */
        final Object version;

        final List<OutboxEvent> events;
        final List<String> acked = new ArrayList<>();
        boolean stopped;
        boolean parked;

        Pending(Document doc) {
            id = doc.get("_id");
            version = doc.get(OutboxFields.VERSION);
            events = doc.getList(OutboxFields.OUTBOX, Document.class, List.of()).stream()
                    .map(OutboxEvent::fromDocument)
                    .toList();
        }

        OutboxEvent next() {
            return events.get(acked.size());
        }

        boolean active() {
            return !stopped && acked.size() < events.size();
        }
    }

    private void relay(String name, Pass pass) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        if (pass.sweep) {
            sweep(collection);
        }
        Scan scan = scans.computeIfAbsent(name, n -> new Scan());
        if (pass.scan || scanDue(name, scan)) {
            scan(collection, name, scan);
        }
        List<Object> ids = queue.take(name, properties.batchSize());
        if (ids.isEmpty()) {
            return;
        }
        // By _id alone: a unique-key lookup on every store. A blocked aggregate waits for its re-queue.
        List<Pending> active = new ArrayList<>();
        for (Document doc : collection
                .find(Filters.in("_id", ids))
                .projection(Projections.include(OutboxFields.OUTBOX, OutboxFields.VERSION, OutboxFields.PARKED))) {
            Pending pending = new Pending(doc);
            if (pending.active()
                    && doc.getList(OutboxFields.PARKED, Document.class, List.of())
                            .isEmpty()) {
                active.add(pending);
            }
        }
        List<Pending> read = List.copyOf(active);
        boolean firstWave = true;
        while (!active.isEmpty() && !pass.fenced) {
            if (!firstWave && !lease.renew()) {
                lostLease(pass);
                break;
            }
            firstWave = false;
            List<Pending> wave = new ArrayList<>();
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            for (Pending pending : active) {
                OutboxEvent event = pending.next();
                beforeSend.accept(event);
                if (!fenceHolds()) {
                    lostLease(pass);
                    break;
                }
                sends.add(send(event));
                wave.add(pending);
            }
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            for (int i = 0; i < wave.size(); i++) {
                Pending pending = wave.get(i);
                OutboxEvent event = pending.next();
                Throwable error = await(sends.get(i), deadline);
                if (error == null) {
                    pending.acked.add(event.envelope().id());
                    metrics.published(event);
                    pass.published++;
                    continue;
                }
                pending.stopped = true;
                Optional<String> rejected = OutboxRejections.permanent(error);
                if (rejected.isPresent()) {
                    park(collection, name, pending, event, rejected.get());
                } else {
                    // Keep this event and every later one of the aggregate, so order holds on retry.
                    pass.failure = new IllegalStateException(
                            "Kafka did not acknowledge " + event.envelope().id(), error);
                }
            }
            List<Pending> next = new ArrayList<>();
            for (Pending pending : active) {
                if (pending.active() && !pass.fenced) {
                    next.add(pending);
                } else if (!pending.acked.isEmpty() && !pending.parked) {
                    cleanUp(collection, pending);
                }
            }
            active = next;
        }
        for (Pending pending : active) {
            if (!pending.acked.isEmpty()) {
                cleanUp(collection, pending);
            }
        }
        // Not published (a send that may heal, a lost lease): read again next pass, not next scan.
        List<Object> again = new ArrayList<>();
        for (Pending pending : read) {
            if (!pending.parked && pending.acked.size() < pending.events.size()) {
                again.add(pending.id);
            }
        }
        queue.offer(name, again);
    }

    /**
     * The first pass scans; later ones once the last scan's cost has been repaid {@link
     * #SCAN_COST_FACTOR} times (at least a poll apart), or at once when the queue ran dry while
     * aggregates it had no room for are waiting.
     */
    private boolean scanDue(String name, Scan scan) {
        if (scan.endedAt == 0) {
            return true;
        }
        if (queue.overflowed(name)) {
            scan.more = true;
        }
        if (scan.more && queue.isEmpty(name)) {
            return true;
        }
        long wait = Math.max(properties.pollInterval().toNanos(), SCAN_COST_FACTOR * scan.cost);
        return System.nanoTime() - scan.endedAt >= wait;
    }

    /**
     * Reads the pending markers, oldest first: every aggregate waiting is counted for the gauges, and
     * those not blocked by a parked event are queued, as many as the queue takes.
     */
    private void scan(MongoCollection<Document> collection, String name, Scan scan) {
        long started = System.nanoTime();
        long count = 0;
        Date oldest = null;
        List<Object> found = new ArrayList<>();
        boolean more = false;
        for (Document doc : collection
                .find(Filters.exists(OutboxFields.SINCE))
                .projection(Projections.include(OutboxFields.SINCE, OutboxFields.PARKED))
                .sort(Sorts.ascending(OutboxFields.SINCE))) {
            count++;
            if (oldest == null) {
                oldest = doc.getDate(OutboxFields.SINCE);
            }
            if (doc.getList(OutboxFields.PARKED, Document.class, List.of()).isEmpty()) {
                if (found.size() < queueCapacity) {
                    found.add(doc.get("_id"));
                } else {
                    more = true;
                }
            }
        }
        if (!queue.offer(name, found)) {
            more = true;
        }
        metrics.scanned(name, count, oldest);
        scan.more = more;
        scan.endedAt = System.nanoTime();
        scan.cost = scan.endedAt - started;
    }

    /** Before each send: the lease must cover the send timeout; one renewal may extend it. */
    private boolean fenceHolds() {
        Duration needed = properties.sendTimeout();
        return lease.covers(needed) || (lease.renew() && lease.covers(needed));
    }

    private void lostLease(Pass pass) {
        if (!pass.fenced) {
            pass.fenced = true;
            metrics.leaseLost();
            metrics.leaseHeld(false);
            log.warn("Outbox relay lease no longer ours (generation {}); the pass stops", lease.generation());
        }
    }

    private static Throwable await(CompletableFuture<SendResult<String, byte[]>> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e;
        }
    }

    private CompletableFuture<SendResult<String, byte[]>> send(OutboxEvent event) {
        try {
            return kafka.send(OutboxRecords.toRecord(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Removes what Kafka acknowledged in one write, by unique keys alone: on the local store a filter
     * uses an index only when its keys are exactly a unique index's, so any further condition would
     * scan the whole collection once per published aggregate. When that was every event read, the
     * events and the marker go together by a compare-and-set on the version read ({@code (_id,
     * version)}, a unique index); a service that wrote to the aggregate meanwhile moved its version
     * on, and then only the acked events go, by {@code _id}, and its events keep the marker. A push
     * that leaves the version as it is (an operator's re-queue) may lose its marker to this; {@link
     * #sweep} gives it back.
     */
    private static void cleanUp(MongoCollection<Document> collection, Pending pending) {
        Bson pull = Updates.pull(OutboxFields.OUTBOX, Filters.in(OutboxFields.EVENT_ID, pending.acked));
        // A flat filter: Filters.and goes out as $and, which no index answers.
        if (pending.acked.size() == pending.events.size()
                && collection
                                .updateOne(
                                        new Document("_id", pending.id).append(OutboxFields.VERSION, pending.version),
                                        Updates.combine(pull, Updates.unset(OutboxFields.SINCE)))
                                .getMatchedCount()
                        == 1) {
            return;
        }
        collection.updateOne(Filters.eq("_id", pending.id), pull);
    }

    /** Acked events leave and the rejected one moves to the parked list, in one write. */
    private void park(
            MongoCollection<Document> collection, String name, Pending pending, OutboxEvent event, String reason) {
        List<String> leaving = new ArrayList<>(pending.acked);
        leaving.add(event.envelope().id());
        collection.updateOne(
                Filters.eq("_id", pending.id),
                Updates.combine(
                        Updates.pull(OutboxFields.OUTBOX, Filters.in(OutboxFields.EVENT_ID, leaving)),
                        Updates.push(
                                OutboxFields.PARKED,
                                event.toDocument()
                                        .append(OutboxFields.REASON, reason)
                                        .append(OutboxFields.PARKED_AT, new Date()))));
        pending.parked = true;
        metrics.parked(name, event, reason);
        log.error(
                "Outbox event {} ({}, topic {}) of {} {} rejected by Kafka for good and parked; the aggregate's "
                        + "later events wait until it is re-queued: {}",
                event.envelope().id(),
                event.envelope().type(),
                event.topic(),
                name,
                pending.id,
                reason);
    }

    private boolean sweepDue() {
        long now = System.nanoTime();
        if (lastSweep != 0 && now - lastSweep < properties.sweepInterval().toNanos()) {
            return false;
        }
        lastSweep = now;
        return true;
    }

    /**
     * The pass's safety net, at start and then every {@code sweep-interval}: each one reads the whole
     * collection on the local store, so not every pass. Unsets the marker of documents whose outbox
     * is empty or missing (a crash between a cleanup's two writes, an older relay), so they cannot
     * crowd the batches; and marks pending again any document with events but no marker (a re-queue
     * that lost it to {@link #cleanUp}), so nothing waits unseen. Each document is re-checked as it is
     * written, so an event a service pushes meanwhile keeps its marker.
     */
    private void sweep(MongoCollection<Document> collection) {
        long cleared = collection
                .updateMany(
                        Filters.and(
                                Filters.exists(OutboxFields.SINCE), Filters.exists(OutboxFields.OUTBOX + ".0", false)),
                        Updates.combine(Updates.unset(OutboxFields.SINCE), Updates.unset(OutboxFields.OUTBOX)))
                .getModifiedCount();
        long marked = collection
                .updateMany(
                        Filters.and(
                                Filters.exists(OutboxFields.OUTBOX + ".0"), Filters.exists(OutboxFields.SINCE, false)),
                        Updates.set(OutboxFields.SINCE, new Date()))
                .getModifiedCount();
        if (cleared > 0 || marked > 0) {
            log.info(
                    "Outbox sweep of {}: {} stale markers cleared, {} unmarked outboxes marked pending",
                    collection.getNamespace().getCollectionName(),
                    cleared,
                    marked);
        }
    }

    private void sleep(Duration duration) {
        try {
            signal.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
            signal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
