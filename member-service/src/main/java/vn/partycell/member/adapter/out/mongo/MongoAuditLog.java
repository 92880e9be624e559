package vn.partycell.member.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.AuditActor;
import vn.partycell.member.application.AuditEntry;
import vn.partycell.member.application.AuditEntry.FieldChange;
import vn.partycell.member.application.AuditLog;
import vn.partycell.member.application.RequestContext;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * The audit log in MongoDB, read only by unique keys (the local store ignores every other index, and
 * a province has 250,000 members):
 *
 * <ul>
 *   <li>{@code audit_entries}: one document per line, {@code _id} = the line's id. Storing a line is
 *       an insert that a duplicate key turns into a no-op, so a drain replayed after a crash writes
 *       nothing twice.
 *   <li>{@code audit_index}: per record ({@code record:<id>}) and per user ({@code user:<subject>}) a
 *       head document listing the months that have lines, and one bucket per (key, month), {@code
 *       <key>|yyyy-MM}, holding the references {@code (id, at, orgPath)}. A bucket push is guarded by
 *       {@code refs.id $ne}, so it is idempotent too. A query reads the head, the key's buckets and
 *       the page's lines: work that grows with the record's or the user's own activity, never with
 *       the province.
 * </ul>
 *
 * Only {@code _id} lookups: real MongoDB needs no further index on these two collections.
 */
@Repository
public class MongoAuditLog implements AuditLog {

    static final String ENTRIES = "audit_entries";
    static final String INDEX = "audit_index";

    private final MongoTemplate mongo;
    private final RequestContext request;
    private final Clock clock;

    public MongoAuditLog(MongoTemplate mongo, RequestContext request, Clock clock) {
        this.mongo = mongo;
        this.request = request;
        this.clock = clock;
    }

    /** A new line of the current request's actor, as stored in a document's pending list and the log. */
    Document newEntry(String recordKind, String recordId, String orgPath, String action, List<FieldChange> changes) {
        AuditActor actor = request.actor();
        return new Document("_id", UUID.randomUUID().toString())
                .append("at", Date.from(clock.instant()))
                .append(
                        "actor",
                        new Document("subject", actor.subject())
                                .append("name", actor.name())
                                .append("roles", actor.roles())
                                .append("requestId", actor.requestId())
                                .append("traceparent", actor.traceparent())
                                .append("operation", actor.operation()))
                .append("recordKind", recordKind)
                .append("recordId", recordId)
                .append("orgPath", orgPath)
                .append("action", action)
                .append(
                        "changes",
                        changes.stream()
                                .map(c -> new Document("field", c.field())
                                        .append("from", c.from())
                                        .append("to", c.to()))
                                .toList());
    }

    /**
     * Stores a line and indexes it under its record and its user; every step is idempotent, so the
     * relay may run it again for a line it stored before a crash.
     */
    void store(Document entry) {
        try {
            entries().insertOne(entry);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Date at = entry.getDate("at");
        String month = YearMonth.from(at.toInstant().atOffset(ZoneOffset.UTC)).toString();
        Document ref = new Document("id", entry.getString("_id"))
                .append("at", at)
                .append("orgPath", entry.getString("orgPath"));
        String subject = entry.get("actor", Document.class).getString("subject");
        index("record:" + entry.getString("recordId"), month, ref, entry.getString("orgPath"));
        index("user:" + subject, month, ref, null);
    }

    private void index(String key, String month, Document ref, String orgPath) {
        try {
            index().updateOne(
                            Filters.and(
                                    Filters.eq("_id", key + "|" + month), Filters.ne("refs.id", ref.getString("id"))),
                            Updates.push("refs", ref),
                            new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The bucket exists and already holds the reference: the upsert's insert collided.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        var head = Updates.addToSet("months", month);
        index().updateOne(
                        Filters.eq("_id", key),
                        orgPath == null ? head : Updates.combine(head, Updates.set("orgPath", orgPath)),
                        new UpdateOptions().upsert(true));
    }

    @Override
    public void exported(
            String recordKind, String recordId, OrgPath scope, String action, Map<String, String> details) {
        List<FieldChange> changes = details.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(d -> new FieldChange(d.getKey(), null, d.getValue()))
                .toList();
        store(newEntry(recordKind, recordId, scope.value(), action, changes));
    }

    @Override
    public Optional<OrgPath> recordPath(String recordId) {
        return Optional.ofNullable(
                        index().find(Filters.eq("_id", "record:" + recordId)).first())
                .map(head -> head.getString("orgPath"))
                .map(OrgPath::of);
    }

    @Override
    public ResultPage<AuditEntry> ofRecord(String recordId, PageQuery page) {
        return page(refs("record:" + recordId, List.of(OrgPath.ROOT)), page);
    }

    @Override
    public ResultPage<AuditEntry> ofUser(String subject, List<OrgPath> within, PageQuery page) {
        return page(refs("user:" + subject, within), page);
    }

    /** The key's references under {@code within}, newest first (ties by id, so pages are stable). */
    private List<Document> refs(String key, List<OrgPath> within) {
        Document head = index().find(Filters.eq("_id", key)).first();
        if (head == null) {
            return List.of();
        }
        List<Document> refs = new ArrayList<>();
        for (String month : head.getList("months", String.class)) {
            Document bucket = index().find(Filters.eq("_id", key + "|" + month)).first();
            if (bucket != null) {
                for (Document ref : bucket.getList("refs", Document.class)) {
                    OrgPath path = OrgPath.of(ref.getString("orgPath"));
                    if (within.stream().anyMatch(p -> p.covers(path))) {
                        refs.add(ref);
                    }
                }
            }
        }
        refs.sort(Comparator.<Document, Date>comparing(r -> r.getDate("at"))
                .thenComparing(r -> r.getString("id"))
                .reversed());
        return refs;
    }

    private ResultPage<AuditEntry> page(List<Document> refs, PageQuery page) {
        long from = Math.min(page.offset(), refs.size());
        long to = Math.min(from + page.size(), refs.size());
        List<AuditEntry> content = new ArrayList<>();
        for (Document ref : refs.subList((int) from, (int) to)) {
            Document entry =
                    entries().find(Filters.eq("_id", ref.getString("id"))).first();
            if (entry != null) {
                content.add(toEntry(entry));
            }
        }
        return new ResultPage<>(content, page, refs.size());
    }

    static AuditEntry toEntry(Document d) {
        Document actor = d.get("actor", Document.class);
        return new AuditEntry(
                UUID.fromString(d.getString("_id")),
                d.getDate("at").toInstant(),
                new AuditActor(
                        actor.getString("subject"),
                        actor.getString("name"),
                        actor.getString("roles"),
                        actor.getString("requestId"),
                        actor.getString("traceparent"),
                        actor.getString("operation")),
                d.getString("recordKind"),
                d.getString("recordId"),
                OrgPath.of(d.getString("orgPath")),
                d.getString("action"),
                d.getList("changes", Document.class).stream()
                        .map(c -> new FieldChange(c.getString("field"), c.getString("from"), c.getString("to")))
                        .toList());
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(ENTRIES);
    }

    private MongoCollection<Document> index() {
        return mongo.getCollection(INDEX);
    }
}
