package vn.partycell.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores an aggregate and the events its change caused in ONE document write, the only atomic
 * unit MongoDB (and mongo-java-server, which has no transactions) guarantees. Events are pushed to
 * the document's {@code outbox} array and {@code outboxSince} marks it pending for the relay.
 *
 * <p>Documents carry a {@code version}: updates match the version the caller read and fail with
 * {@link OptimisticLockingFailureException} (409) when someone else changed it first.
 */
public class OutboxStore {

    private static final String OUTBOX = OutboxFields.OUTBOX;
    private static final String SINCE = OutboxFields.SINCE;
    private static final String VERSION = OutboxFields.VERSION;

    private final MongoTemplate mongo;
    private final OutboxSignal signal;

    /** @param signal told after each write that added events (the relay, or {@link OutboxSignal#NONE}) */
    public OutboxStore(MongoTemplate mongo, OutboxSignal signal) {
        this.mongo = mongo;
        this.signal = signal == null ? OutboxSignal.NONE : signal;
    }

    /** Inserts a new aggregate document; a duplicate unique key surfaces as DuplicateKeyException. */
    public void insert(String collection, Object aggregate, List<OutboxEvent> events) {
        Document document = toDocument(aggregate);
        if (!events.isEmpty()) {
            document.put(OUTBOX, events.stream().map(OutboxEvent::toDocument).toList());
            document.put(SINCE, oldest(events));
        }
        try {
            mongo.getCollection(collection).insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateKeyException(collection + ": " + e.getError().getMessage(), e);
            }
            throw e;
        }
        wake(collection, document.get("_id"), events);
    }

    /**
     * Replaces the aggregate's fields, appends its new events, and moves the version on — only if
     * the stored version is still {@code expectedVersion}.
     */
    public void update(String collection, Object aggregate, long expectedVersion, List<OutboxEvent> events) {
        Document document = toDocument(aggregate);
        Object id = document.remove("_id");
        Update update = new Update();
        document.forEach((key, value) -> {
            if (!key.equals(OUTBOX) && !key.equals(SINCE) && !key.equals(OutboxFields.PARKED)) {
                update.set(key, value);
            }
        });
        if (!events.isEmpty()) {
            update.push(OUTBOX)
                    .each(events.stream().map(OutboxEvent::toDocument).toArray());
            update.min(SINCE, oldest(events));
        }
        Query query = Query.query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion));
        UpdateResult result = mongo.updateFirst(query, update, collection);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    collection + " " + id + " is no longer at version " + expectedVersion);
        }
        wake(collection, id, events);
    }

    /**
     * For an adapter that writes its own documents (bulk or conditional writes {@link #insert} and
     * {@link #update} do not cover): {@code document} with the events pending in its outbox, to be
     * inserted. Call {@link #eventsWritten} once the write succeeded.
     */
    public static Document withEvents(Document document, List<OutboxEvent> events) {
        Document copy = new Document(document);
        copy.remove(OUTBOX);
        copy.remove(SINCE);
        copy.remove(OutboxFields.PARKED);
        if (!events.isEmpty()) {
            copy.put(OUTBOX, events.stream().map(OutboxEvent::toDocument).toList());
            copy.put(SINCE, oldest(events));
        }
        return copy;
    }

    /**
     * For an adapter that writes its own conditional updates: the update document that sets the
     * aggregate's fields of {@code document} (never its id or the outbox fields the relay owns),
     * appends the events to the outbox and marks it pending. Unlike a whole-document replace it
     * keeps the events the relay is still publishing and the parked ones. Call {@link
     * #eventsWritten} once the update matched.
     */
    public static Document updateWithEvents(Document document, List<OutboxEvent> events) {
        Document set = new Document();
        document.forEach((key, value) -> {
            if (!key.equals("_id") && !key.equals(OUTBOX) && !key.equals(SINCE) && !key.equals(OutboxFields.PARKED)) {
                set.put(key, value);
            }
        });
        Document update = new Document("$set", set);
        if (!events.isEmpty()) {
            update.put(
                    "$push",
                    new Document(
                            OUTBOX,
                            new Document(
                                    "$each",
                                    events.stream().map(OutboxEvent::toDocument).toList())));
            update.put("$min", new Document(SINCE, oldest(events)));
        }
        return update;
    }

    /**
     * After an adapter's own write added events to these aggregates: hands their ids to the relay
     * (nothing when there were none).
     */
    public void eventsWritten(String collection, Collection<?> aggregateIds) {
        if (!aggregateIds.isEmpty()) {
            signal.eventsWritten(collection, aggregateIds);
        }
    }

    /** One aggregate of a batch: its new state, the version it must still be at, and its events. */
    public record VersionedWrite(Object aggregate, long expectedVersion, List<OutboxEvent> events) {}

    /**
     * {@link #update} for many aggregates of one collection in one unordered bulk: each write is
     * still one document (state and events together) guarded by its own version; a write whose
     * aggregate moved on is skipped, not failed. Returns how many documents were written.
     */
    public int updateEach(String collection, List<VersionedWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        List<Object> withEvents = new ArrayList<>();
        for (VersionedWrite write : writes) {
            Document document = toDocument(write.aggregate());
            Object id = document.remove("_id");
            Update update = new Update();
            document.forEach((key, value) -> {
                if (!key.equals(OUTBOX) && !key.equals(SINCE) && !key.equals(OutboxFields.PARKED)) {
                    update.set(key, value);
                }
            });
            if (!write.events().isEmpty()) {
                withEvents.add(id);
                update.push(OUTBOX)
                        .each(write.events().stream()
                                .map(OutboxEvent::toDocument)
                                .toArray());
                update.min(SINCE, oldest(write.events()));
            }
            bulk.updateOne(Query.query(Criteria.where("_id").is(id).and(VERSION).is(write.expectedVersion())), update);
        }
        int matched = bulk.execute().getMatchedCount();
        // A write skipped for its version is handed over too: the relay finds nothing new there.
        eventsWritten(collection, withEvents);
        return matched;
    }

    private Document toDocument(Object aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("_class");
        return document;
    }

    private static Date oldest(List<OutboxEvent> events) {
        return Date.from(events.stream()
                .map(OutboxEvent::time)
                .min(Comparator.naturalOrder())
                .orElseThrow());
    }

    private void wake(String collection, Object id, List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            signal.eventsWritten(collection, List.of(id));
        }
    }
}
