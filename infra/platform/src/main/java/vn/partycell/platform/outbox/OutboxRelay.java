package vn.partycell.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import vn.partycell.platform.events.CloudEventHeaders;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.events.EventMetrics;

/**
 * Publishes pending outbox events to Kafka, in order per aggregate, and removes each one only after
 * Kafka acknowledged it. A crash between the two re-publishes on restart (consumers are idempotent);
 * a broker outage leaves the events in place and the relay backs off and tries again.
 *
 * <p>One instance of a service relays at a time (a lease document), so order per key holds even
 * with several replicas.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASES = "outbox_lease";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final EventMetrics metrics;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;
    private Instant lastGaugeUpdate = Instant.EPOCH;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            EventMetrics metrics,
            Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Called after a write that added events, so they leave without waiting for the next poll. */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    public long backlog() {
        return backlog.get();
    }

    public double oldestAgeSeconds() {
        return oldestAgeMillis.get() / 1000.0;
    }

    @Override
    public void start() {
        for (String collection : properties.collections()) {
            mongo.getCollection(collection)
                    .createIndex(Indexes.ascending(OutboxStore.SINCE), new IndexOptions().sparse(true));
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
        releaseLease();
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
            int published = 0;
            try {
                if (holdLease()) {
                    published = relayOnce();
                }
                updateGauges(false);
                backoff = properties.pollInterval();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay pass failed, retrying in {}: {}", backoff, e.toString());
                updateGauges(true);
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                continue;
            }
            if (published == 0) {
                sleep(properties.pollInterval());
            }
        }
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int relayOnce() {
        int published = 0;
        for (String collection : properties.collections()) {
            published += relay(mongo.getCollection(collection));
        }
        return published;
    }

    private int relay(MongoCollection<Document> collection) {
        List<Document> pending = collection
                .find(Filters.exists(OutboxStore.SINCE))
                .projection(Projections.include(OutboxStore.OUTBOX))
                .sort(Sorts.ascending(OutboxStore.SINCE))
                .limit(properties.batchSize())
                .into(new ArrayList<>());
        if (pending.isEmpty()) {
            return 0;
        }
        List<List<CompletableFuture<SendResult<String, byte[]>>>> sends = new ArrayList<>();
        List<List<OutboxEvent>> events = new ArrayList<>();
        for (Document doc : pending) {
            List<OutboxEvent> docEvents = doc.getList(OutboxStore.OUTBOX, Document.class, List.of()).stream()
                    .map(OutboxEvent::fromDocument)
                    .toList();
            events.add(docEvents);
            sends.add(docEvents.stream().map(this::send).toList());
        }
        int published = 0;
        RuntimeException failure = null;
        for (int i = 0; i < pending.size(); i++) {
            Object id = pending.get(i).get("_id");
            List<String> acked = new ArrayList<>();
            for (int j = 0; j < events.get(i).size(); j++) {
                OutboxEvent event = events.get(i).get(j);
                try {
                    sends.get(i).get(j).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    // Keep this event and every later one of the aggregate, so order holds on retry.
                    failure = new IllegalStateException(
                            "Kafka did not acknowledge " + event.envelope().id(), e);
                    break;
                }
                acked.add(event.envelope().id());
                metrics.published(event.topic(), event.envelope().type());
            }
            if (!acked.isEmpty()) {
                collection.updateOne(
                        Filters.eq("_id", id), Updates.pull(OutboxStore.OUTBOX, Filters.in("eventId", acked)));
                collection.updateOne(
                        Filters.and(Filters.eq("_id", id), Filters.size(OutboxStore.OUTBOX, 0)),
                        Updates.combine(Updates.unset(OutboxStore.OUTBOX), Updates.unset(OutboxStore.SINCE)));
                published += acked.size();
            }
        }
        if (failure != null) {
            throw failure;
        }
        return published;
    }

    private CompletableFuture<SendResult<String, byte[]>> send(OutboxEvent event) {
        EventEnvelope e = event.envelope();
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPECVERSION, "1.0");
        header(headers, CloudEventHeaders.ID, e.id());
        header(headers, CloudEventHeaders.SOURCE, e.source());
        header(headers, CloudEventHeaders.TYPE, e.type());
        header(headers, CloudEventHeaders.SUBJECT, e.subject());
        header(headers, CloudEventHeaders.TIME, e.time().toString());
        header(headers, CloudEventHeaders.DATASCHEMA, e.dataschema());
        header(headers, CloudEventHeaders.ORGPATH, e.orgPath());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                event.topic(), null, e.subject(), event.payload().getBytes(StandardCharsets.UTF_8), headers);
        try {
            return kafka.send(record);
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private boolean holdLease() {
        Date now = Date.from(clock.instant());
        Date until = Date.from(clock.instant().plus(properties.lease()));
        try {
            Document lease = mongo.getCollection(LEASES)
                    .findOneAndUpdate(
                            Filters.and(
                                    Filters.eq("_id", "relay"),
                                    Filters.or(Filters.eq("holder", instance), Filters.lt("until", now))),
                            Updates.combine(Updates.set("holder", instance), Updates.set("until", until)),
                            new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (com.mongodb.MongoCommandException | com.mongodb.MongoWriteException | DuplicateKeyException e) {
            // Another instance holds an unexpired lease (the upsert collides with its document).
            return false;
        }
    }

    private void releaseLease() {
        try {
            mongo.getCollection(LEASES)
                    .updateOne(
                            Filters.and(Filters.eq("_id", "relay"), Filters.eq("holder", instance)),
                            Updates.set("until", new Date(0)));
        } catch (RuntimeException e) {
            log.debug("Could not release the outbox lease: {}", e.toString());
        }
    }

    private void updateGauges(boolean force) {
        Instant now = clock.instant();
        if (!force && Duration.between(lastGaugeUpdate, now).compareTo(Duration.ofSeconds(2)) < 0) {
            return;
        }
        lastGaugeUpdate = now;
        try {
            long count = 0;
            Date oldest = null;
            for (String name : properties.collections()) {
                MongoCollection<Document> collection = mongo.getCollection(name);
                count += collection.countDocuments(Filters.exists(OutboxStore.SINCE));
                Document first = collection
                        .find(Filters.exists(OutboxStore.SINCE))
                        .projection(Projections.include(OutboxStore.SINCE))
                        .sort(Sorts.ascending(OutboxStore.SINCE))
                        .first();
                if (first != null) {
                    Date since = first.getDate(OutboxStore.SINCE);
                    if (oldest == null || since.before(oldest)) {
                        oldest = since;
                    }
                }
            }
            backlog.set(count);
            oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.getTime()));
        } catch (RuntimeException e) {
            log.debug("Outbox gauges not updated: {}", e.toString());
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
