package vn.partycell.member.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 *
 * <p>The sweep finds those documents by a marker per line ({@code audit_pending}, {@code _id} = the
 * line's id, with its collection and record), written just before the write that carries the line
 * and deleted once the line is stored: it reads only the lines in flight, never the 250,000 members
 * (the local store scans a collection for any query not by a unique key). A marker whose write never
 * happened (refused, or the process died before it) is dropped by the sweep once it is older than
 * {@link #STALE_AFTER} and its line is in no document.
 */
@Component
public class AuditRelay implements SmartLifecycle {

    static final String MARKERS = "audit_pending";
    /** Far longer than a write takes: a younger marker may belong to a write still on its way. */
    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(AuditRelay.class);
    private static final int SWEEP_BATCH = 500;

    private final MongoTemplate mongo;
    private final MongoAuditLog auditLog;
    private final Duration interval;
    private final Duration grace;
    private final Clock clock;
    private ScheduledExecutorService sweeper;

    @Autowired
    public AuditRelay(
            MongoTemplate mongo,
            MongoAuditLog auditLog,
            @Value("${partycell.audit.sweep-interval:PT30S}") Duration interval,
            @Value("${partycell.audit.sweep-grace:PT1M}") Duration grace,
            Clock clock) {
        this.mongo = mongo;
        this.auditLog = auditLog;
        this.interval = interval;
        this.grace = grace;
        this.clock = clock;
        // Real MongoDB: the sweep's age filter on the markers (the local store reads them all: a few).
        markers().createIndex(Indexes.ascending("at"));
    }

    public AuditRelay(MongoTemplate mongo, MongoAuditLog auditLog, Duration interval) {
        this(mongo, auditLog, interval, Duration.ZERO, Clock.systemUTC());
    }

    MongoAuditLog log() {
        return auditLog;
    }

    /** Before the write that carries {@code entry}: the marker the sweep finds the line by. */
    void expect(String collection, Object id, Document entry) {
        markers()
                .insertOne(new Document("_id", entry.getString("_id"))
                        .append("collection", collection)
                        .append("recordId", id)
                        .append("at", entry.getDate("at")));
    }

    /** After a write that was refused: its line exists nowhere. */
    void forget(Document entry) {
        try {
            markers().deleteOne(Filters.eq("_id", entry.getString("_id")));
        } catch (RuntimeException e) {
            log.debug("Marker of audit line {} left for the sweep: {}", entry.getString("_id"), e.toString());
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
                    .projection(Projections.include(AuditedWriter.PENDING, "version"))
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
                markers().deleteOne(Filters.eq("_id", entry.getString("_id")));
            }
            // Only lines pushed with a new version (AuditedWriter) can arrive meanwhile: on the version
            // read, the list is now empty. By (_id, version), a unique index: any other filter makes the
            // local store read the whole collection on every audited change.
            Object version = document.get("version");
            mongo.getCollection(collection)
                    .updateOne(
                            version == null
                                    ? Filters.and(
                                            Filters.eq("_id", id),
                                            Filters.exists(AuditedWriter.PENDING),
                                            Filters.exists(AuditedWriter.PENDING + ".0", false))
                                    : new Document("_id", id).append("version", version),
                            Updates.combine(Updates.unset(AuditedWriter.PENDING), Updates.unset(AuditedWriter.SINCE)));
        } catch (RuntimeException e) {
            log.warn("Audit lines of {} {} stay pending for the next sweep: {}", collection, id, e.toString());
        }
    }

    /**
     * {@link #expect} for a batch of documents ({@code lines}: record id → its line) in one write. A
     * marker already there is a resumed batch's line, still in flight under the same id: kept.
     */
    void expectAll(String collection, Map<Object, Document> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Document> markers = new ArrayList<>(lines.size());
        lines.forEach((id, entry) -> markers.add(new Document("_id", entry.getString("_id"))
                .append("collection", collection)
                .append("recordId", id)
                .append("at", entry.getDate("at"))));
        try {
            markers().insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** {@link #forget} for the lines of a batch whose writes were refused. */
    void forgetAll(List<Document> entries) {
        if (entries.isEmpty()) {
            return;
        }
        try {
            markers()
                    .deleteMany(Filters.in(
                            "_id", entries.stream().map(e -> e.getString("_id")).toList()));
        } catch (RuntimeException e) {
            log.debug("Markers of {} refused audit lines left for the sweep: {}", entries.size(), e.toString());
        }
    }

    /**
     * {@link #drain} for a batch of documents just written with one line each ({@code lines}: record
     * id → its line): the lines stored together ({@link MongoAuditLog#storeAll}), then taken off their
     * documents and their markers deleted, in a few bulk writes. A failure leaves them for the sweep.
     */
    void drainAll(String collection, Map<Object, Document> lines) {
        if (lines.isEmpty()) {
            return;
        }
        try {
            auditLog.storeAll(new ArrayList<>(lines.values()));
            // Pulled by the _id filter alone: the emptied list stays (the next drain of the document
            // removes it), since the conditional unset drain uses would make the local store read
            // every member once per document.
            List<WriteModel<Document>> pulls = new ArrayList<>(lines.size());
            lines.forEach((id, entry) -> pulls.add(new UpdateOneModel<>(
                    Filters.eq("_id", id),
                    Updates.pull(AuditedWriter.PENDING, new Document("_id", entry.getString("_id"))))));
            mongo.getCollection(collection).bulkWrite(pulls, new BulkWriteOptions().ordered(false));
            markers()
                    .deleteMany(Filters.in(
                            "_id",
                            lines.values().stream().map(e -> e.getString("_id")).toList()));
        } catch (RuntimeException e) {
            log.warn(
                    "Audit lines of {} {} stay pending for the next sweep: {}", lines.size(), collection, e.toString());
        }
    }

    /** Drains every document a marker names; returns how many documents it found. */
    public int sweep() {
        return sweep(Duration.ZERO);
    }

    /**
     * Drains the documents of markers older than {@code grace}. The scheduled sweep leaves younger
     * ones to the writer that is draining them right now (a registration, an import batch): two
     * drains of one line at once could write its references twice or race on a bucket.
     */
    int sweep(Duration grace) {
        // In the query, on the markers' "at" index: young markers never crowd old ones out of a batch.
        Bson old = grace.isZero()
                ? new Document()
                : Filters.lte("at", Date.from(clock.instant().minus(grace)));
        List<Document> found = markers().find(old).limit(SWEEP_BATCH).into(new ArrayList<>());
        Map<String, Set<Object>> documents = new LinkedHashMap<>();
        for (Document marker : found) {
            documents
                    .computeIfAbsent(marker.getString("collection"), c -> new LinkedHashSet<>())
                    .add(marker.get("recordId"));
        }
        documents.forEach((collection, ids) -> ids.forEach(id -> drain(collection, id)));
        Date stale = Date.from(clock.instant().minus(STALE_AFTER));
        for (Document marker : found) {
            if (marker.getDate("at").before(stale) && !pendingIn(marker)) {
                markers().deleteOne(Filters.eq("_id", marker.getString("_id")));
            }
        }
        return documents.values().stream().mapToInt(Set::size).sum();
    }

    private boolean pendingIn(Document marker) {
        return mongo.getCollection(marker.getString("collection"))
                        .find(Filters.and(
                                Filters.eq("_id", marker.get("recordId")),
                                Filters.eq(AuditedWriter.PENDING + "._id", marker.getString("_id"))))
                        .projection(Projections.include("_id"))
                        .first()
                != null;
    }

    private MongoCollection<Document> markers() {
        return mongo.getCollection(MARKERS);
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
            sweep(grace);
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
