package vn.partycell.member.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies the audit lines waiting in aggregate documents ({@code auditPending}) into the log, then
 * removes them from the document. Right after each write for that one document; and on a sweep at
 * start and every {@code partycell.audit.sweep-interval} for lines a crash left behind. Replaying is
 * harmless: the log is keyed by the line's id ({@link MongoAuditLog#store}), and a line leaves its
 * document only once it is stored.
 */
@Component
public class AuditRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);
    private static final int SWEEP_BATCH = 500;

    private final MongoTemplate mongo;
    private final MongoAuditLog auditLog;
    private final Duration interval;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService sweeper;

    public AuditRelay(
            MongoTemplate mongo,
            MongoAuditLog auditLog,
            @Value("${partycell.audit.sweep-interval:PT30S}") Duration interval) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.interval = interval;
    }

    MongoAuditLog log() {
        return auditLog;
    }

    /** A collection whose documents carry audit lines; its sweep query gets a sparse index. */
    void watch(String collection) {
        if (collections.add(collection)) {
            mongo.getCollection(collection)
                    .createIndex(Indexes.ascending(AuditedWriter.SINCE), new IndexOptions().sparse(true));
        }
    }

    /**
     * Stores the document's pending lines, oldest first. A failure leaves them for the sweep: the
     * change itself is stored, and answering it with an error would invite a second one.
     */
    public void drain(String collection, Object id) {
        try {
            Document document = mongo.getCollection(collection)
                    .find(Filters.eq("_id", id))
                    .projection(Projections.include(AuditedWriter.PENDING))
                    .first();
            if (document == null) {
                return;
            }
            List<Document> pending = document.getList(AuditedWriter.PENDING, Document.class, List.of());
            for (Document entry : pending) {
                auditLog.store(entry);
                mongo.getCollection(collection)
                        .updateOne(
                                Filters.eq("_id", id),
                                Updates.pull(AuditedWriter.PENDING, new Document("_id", entry.getString("_id"))));
            }
            mongo.getCollection(collection)
                    .updateOne(
                            Filters.and(
                                    Filters.eq("_id", id),
                                    Filters.exists(AuditedWriter.SINCE),
                                    Filters.exists(AuditedWriter.PENDING + ".0", false)),
                            Updates.combine(Updates.unset(AuditedWriter.PENDING), Updates.unset(AuditedWriter.SINCE)));
        } catch (RuntimeException e) {
            log.warn("Audit lines of {} {} stay pending for the next sweep: {}", collection, id, e.toString());
        }
    }

    /** Drains every document with pending lines; returns how many documents it found. */
    public int sweep() {
        int found = 0;
        for (String collection : collections) {
            List<Object> ids = mongo.getCollection(collection)
                    .find(Filters.exists(AuditedWriter.SINCE))
                    .projection(Projections.include("_id"))
                    .limit(SWEEP_BATCH)
                    .map(d -> d.get("_id"))
                    .into(new java.util.ArrayList<>());
            ids.forEach(id -> drain(collection, id));
            found += ids.size();
        }
        return found;
    }

    @Override
    public synchronized void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::safeSweep, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Audit sweep failed, retried in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sweeper != null;
    }
}
