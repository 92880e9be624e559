package vn.partycell.member.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * {@link AggregateWriter} with the audit log: the new state, its outbox events AND its audit line
 * go in ONE document write (the local store has no transactions, so this is the only way a change
 * can neither lose its line nor get one it did not make). The line waits in the document's {@code
 * auditPending} list until {@link AuditRelay} copies it into the log, right after the write or, after
 * a crash, on its next sweep, which finds it by the marker written just before the write ({@link
 * AuditRelay#expect}): a lookup of the few lines in flight, not a scan of the collection.
 *
 * <p>The line's from → to comes from the stored document at the version the change was decided on
 * (one read by {@code _id}); the write is guarded by that same version, so the line describes exactly
 * the state it replaced.
 *
 * @param <E> the aggregate's domain event type
 */
final class AuditedWriter<E> {

    static final String PENDING = "auditPending";
    /** Written by releases before the sweep followed markers; a drain removes it. */
    static final String SINCE = "auditSince";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final String collection;
    private final String recordKind;
    private final OutboxEventMapper<E> mapper;
    private final AggregateWriter<E> unaudited;
    private final AuditRelay relay;
    private final java.util.Map<Class<?>, List<String>> mappedFields = new java.util.concurrent.ConcurrentHashMap<>();

    AuditedWriter(
            MongoTemplate mongo,
            OutboxStore outbox,
            String collection,
            String recordKind,
            OutboxEventMapper<E> mapper,
            AuditRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.collection = collection;
        this.recordKind = recordKind;
        this.mapper = mapper;
        this.unaudited = new AggregateWriter<>(outbox, collection, mapper);
        this.relay = relay;
    }

    /** Inserts a new aggregate; a duplicate unique key surfaces as Spring's DuplicateKeyException. */
    void insert(Object aggregate, Change<?, ? extends E> change) {
        Document state = document(aggregate);
        List<OutboxEvent> events = outboxEvents(change);
        Document entry = entry(state, events, "created", null);
        Document document = OutboxStore.withEvents(state, events);
        document.put(PENDING, List.of(entry));
        relay.expect(collection, document.get("_id"), entry);
        try {
            collection().insertOne(document);
        } catch (MongoWriteException e) {
            relay.forget(entry);
            throw translated(e);
        }
        if (!events.isEmpty()) {
            outbox.eventsWritten(collection, List.of(document.get("_id")));
        }
        relay.drain(collection, document.get("_id"));
    }

    /** Replaces the aggregate if it is still at {@code expectedVersion}, else 409 stale-version. */
    void update(Object aggregate, Change<?, ? extends E> change, long expectedVersion) {
        Document state = document(aggregate);
        Object id = state.get("_id");
        Bson current = Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion));
        Document before = collection().find(current).first();
        if (before == null) {
            throw stale();
        }
        List<OutboxEvent> events = outboxEvents(change);
        Document entry = entry(state, events, "updated", before);
        Document update = OutboxStore.updateWithEvents(state, events);
        Document push = update.get("$push", Document.class);
        if (push == null) {
            push = new Document();
            update.put("$push", push);
        }
        push.put(PENDING, entry);
        Document unset = cleared(aggregate, state);
        if (!unset.isEmpty()) {
            update.put("$unset", unset);
        }
        relay.expect(collection, id, entry);
        UpdateResult result;
        try {
            result = collection().updateOne(current, update);
        } catch (MongoWriteException e) {
            relay.forget(entry);
            throw translated(e);
        }
        if (result.getMatchedCount() == 0) {
            relay.forget(entry);
            throw stale();
        }
        if (!events.isEmpty()) {
            outbox.eventsWritten(collection, List.of(id));
        }
        relay.drain(collection, id);
    }

    /**
     * Version-guarded bulk of many aggregates, not audited line by line: it carries the path
     * rewrite below a moved node, whose line is the move's own on the moved node.
     */
    <S> int updateEach(
            List<? extends Change<S, ? extends E>> changes,
            Function<S, Object> document,
            ToLongFunction<S> expectedVersion) {
        return unaudited.updateEach(changes, document, expectedVersion);
    }

    /**
     * The aggregate's fields that are null now and so absent from {@code state}: a {@code $set} of
     * the rest would leave their old values behind (a card number taken off would still hold its
     * unique key, a planned end already applied would still be found).
     */
    private Document cleared(Object aggregate, Document state) {
        List<String> fields = mappedFields.computeIfAbsent(aggregate.getClass(), type -> {
            List<String> names = new ArrayList<>();
            mongo.getConverter()
                    .getMappingContext()
                    .getRequiredPersistentEntity(type)
                    .doWithProperties((org.springframework.data.mapping.PropertyHandler<
                                    org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>)
                            p -> names.add(p.getFieldName()));
            return List.copyOf(names);
        });
        Document unset = new Document();
        for (String field : fields) {
            if (!field.equals("_id") && !state.containsKey(field)) {
                unset.put(field, "");
            }
        }
        return unset;
    }

    /** What a line says was done: the event types the change published, else {@code fallback}. */
    static String action(List<OutboxEvent> events, String fallback) {
        return events.isEmpty()
                ? fallback
                : events.stream().map(e -> e.envelope().type()).distinct().collect(Collectors.joining(","));
    }

    private Document entry(Document state, List<OutboxEvent> events, String fallback, Document before) {
        String action = action(events, fallback);
        return relay.log()
                .newEntry(
                        recordKind,
                        String.valueOf(state.get("_id")),
                        state.getString("orgPath"),
                        before == null ? null : before.getString("orgPath"),
                        action,
                        new ArrayList<>(AuditDiff.between(before, state)));
    }

    private Document document(Object aggregate) {
        Document document = new Document();
        mongo.getConverter().write(aggregate, document);
        document.remove("_class");
        return document;
    }

    private List<OutboxEvent> outboxEvents(Change<?, ? extends E> change) {
        return change.events().stream().<OutboxEvent>map(mapper::toOutbox).toList();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(collection);
    }

    private RuntimeException translated(MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new DuplicateKeyException(collection + ": " + e.getError().getMessage(), e);
        }
        return e;
    }

    private static ConflictException stale() {
        return new ConflictException(
                "stale-version", "Bản ghi đã được người khác thay đổi; hãy tải lại rồi thử lần nữa");
    }
}
