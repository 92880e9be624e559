package vn.partycell.member.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 *       head document listing the months that have lines, how many buckets each month has ({@code
 *       seqs}) and, for a record, every org path its lines were written under ({@code orgPaths}); and
 *       the buckets holding the references {@code (id, at, orgPath, previousOrgPath)}: {@code
 *       <key>|yyyy-MM} first, then {@code <key>|yyyy-MM|1}, {@code |2}… A bucket takes {@code
 *       partycell.audit.bucket-size} references (default 1,000, about 100 kB) and the next one
 *       opens, so no document grows without end whatever one user does in a month (an import of
 *       100,000 rows fills 100 buckets, not one 16 MB document). Each line is given its bucket once
 *       ({@code buckets.record|user} on its entry) before it is pushed, and the push is guarded by
 *       {@code refs.id $ne}, so a replay goes to the same bucket and adds nothing. A query reads the
 *       head, the key's buckets and the page's lines: work that grows with the record's or the
 *       user's own activity, never with the province.
 * </ul>
 *
 * A line's scope is the org path its record stood at when the line was written (and, for the line
 * that moved it, the path it left): the superiors of a member's former cell keep reading the lines of
 * the time the member was theirs, and the new cell's superiors read the lines from the transfer on.
 * Only {@code _id} lookups: real MongoDB needs no further index on these two collections.
 */
@Repository
public class MongoAuditLog implements AuditLog {

    static final String ENTRIES = "audit_entries";
    static final String INDEX = "audit_index";

    private final MongoTemplate mongo;
    private final RequestContext request;
    private final Clock clock;
    private final int bucketSize;

    @Autowired
    public MongoAuditLog(
            MongoTemplate mongo,
            RequestContext request,
            Clock clock,
            @Value("${partycell.audit.bucket-size:1000}") int bucketSize) {
        if (bucketSize < 1) {
            throw new IllegalArgumentException("partycell.audit.bucket-size must be at least 1");
        }
        this.mongo = mongo;
        this.request = request;
        this.clock = clock;
        this.bucketSize = bucketSize;
    }

    /** A new line of the current request's actor, as stored in a document's pending list and the log. */
    Document newEntry(String recordKind, String recordId, String orgPath, String action, List<FieldChange> changes) {
        return newEntry(recordKind, recordId, orgPath, null, action, changes);
    }

    /** With the org path the record left by this change (a transfer, a move), which scopes the line too. */
    Document newEntry(
            String recordKind,
            String recordId,
            String orgPath,
            String previousOrgPath,
            String action,
            List<FieldChange> changes) {
        return newEntry(
                request.actor(),
                UUID.randomUUID().toString(),
                recordKind,
                recordId,
                orgPath,
                previousOrgPath,
                action,
                changes);
    }

    /**
     * A line of a given actor under a given id: work done on behalf of a request that is over (an
     * import run on its worker is its upload's), with an id a replay of the same work gives again.
     */
    Document newEntry(
            AuditActor actor,
            String id,
            String recordKind,
            String recordId,
            String orgPath,
            String previousOrgPath,
            String action,
            List<FieldChange> changes) {
        Document entry = new Document("_id", id)
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
                .append("orgPath", orgPath);
        if (previousOrgPath != null && !previousOrgPath.equals(orgPath)) {
            entry.append("previousOrgPath", previousOrgPath);
        }
        return entry.append("action", action)
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
        String month = month(entry);
        Document ref = ref(entry);
        index("record:" + entry.getString("recordId"), "record", month, ref, scopes(entry));
        index(userKey(entry), "user", month, ref, null);
    }

    /**
     * Stores many new lines at once (a batch of an import), each exactly as {@link #store} would: the
     * line, its reference in its record's and its user's buckets, and their heads; but in a fixed
     * number of bulk writes per batch rather than about ten round trips per line. Each line is given
     * its buckets before it is stored (as {@link #store} does), so a replay of any line through {@link
     * #store} (the relay's sweep after a crash) goes to the same buckets and adds nothing. Lines this
     * path cannot place in one go (a line already stored, a record that already has a log) go through
     * {@link #store}.
     */
    void storeAll(List<Document> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Document line : lines) {
            keys.add("record:" + line.getString("recordId"));
            keys.add(userKey(line));
        }
        // One read of every head concerned: $in on _id is a unique-key lookup on every store.
        Map<String, Document> heads = new HashMap<>();
        index().find(Filters.in("_id", keys.stream().distinct().toList()))
                .forEach(h -> heads.put(h.getString("_id"), h));
        List<Document> fresh = new ArrayList<>();
        List<Document> oneByOne = new ArrayList<>();
        for (Document line : lines) {
            (heads.containsKey("record:" + line.getString("recordId")) ? oneByOne : fresh).add(line);
        }
        // Per user and month: the open bucket and how full it is, then the lines in order, the next
        // bucket opening where store would open it (after bucketSize references).
        Map<String, List<Document>> byUserMonth = new LinkedHashMap<>();
        for (Document line : fresh) {
            byUserMonth
                    .computeIfAbsent(userKey(line) + "|" + month(line), k -> new ArrayList<>())
                    .add(line);
        }
        Map<String, List<Document>> userBuckets = new LinkedHashMap<>();
        List<WriteModel<Document>> userHeads = new ArrayList<>();
        byUserMonth.forEach((keyMonth, group) -> {
            String key = userKey(group.getFirst());
            String month = month(group.getFirst());
            Document head = heads.get(key);
            int seq = head == null ? 0 : seqs(head).getOrDefault(month, 0);
            Document open = head == null
                    ? null
                    : index().find(Filters.eq("_id", bucketId(key, month, seq)))
                            .projection(Projections.include("n"))
                            .first();
            long filled = open == null || open.get("n") == null ? 0 : ((Number) open.get("n")).longValue();
            for (Document line : group) {
                if (filled >= bucketSize) {
                    seq++;
                    filled = 0;
                }
                String bucket = bucketId(key, month, seq);
                buckets(line).put("user", bucket);
                userBuckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(ref(line));
                filled++;
            }
            List<Bson> update = new ArrayList<>(List.of(Updates.addToSet("months", month)));
            int next = filled >= bucketSize ? seq + 1 : seq;
            if (next > 0) {
                update.add(Updates.max("seqs." + month, next));
            }
            userHeads.add(new UpdateOneModel<>(
                    Filters.eq("_id", key), Updates.combine(update), new UpdateOptions().upsert(true)));
        });
        List<Document> recordBuckets = new ArrayList<>();
        List<WriteModel<Document>> recordHeads = new ArrayList<>();
        for (Document line : fresh) {
            String key = "record:" + line.getString("recordId");
            String month = month(line);
            String bucket = bucketId(key, month, 0);
            buckets(line).put("record", bucket);
            // A record with no head yet has no bucket: a plain insert, no guarded upsert (whose
            // filter on refs.id the local store could only answer by reading the whole index).
            recordBuckets.add(new Document("_id", bucket)
                    .append("refs", List.of(ref(line)))
                    .append("n", 1));
            List<Bson> head = new ArrayList<>(List.of(
                    Updates.addToSet("months", month),
                    Updates.set("orgPath", line.getString("orgPath")),
                    Updates.addEachToSet("orgPaths", scopes(line))));
            if (bucketSize <= 1) {
                head.add(Updates.max("seqs." + month, 1));
            }
            recordHeads.add(new UpdateOneModel<>(
                    Filters.eq("_id", key), Updates.combine(head), new UpdateOptions().upsert(true)));
        }
        if (!fresh.isEmpty()) {
            Set<Integer> stored = insertNew(entries(), fresh);
            if (stored.size() < fresh.size()) {
                // A line stored before (a replay racing this batch): the guarded path for every line.
                oneByOne.addAll(fresh);
            } else {
                Set<Integer> opened = insertNew(index(), recordBuckets);
                for (int i = 0; i < fresh.size(); i++) {
                    if (!opened.contains(i)) {
                        // Its bucket appeared meanwhile (a replay of the line): the guarded push.
                        oneByOne.add(fresh.get(i));
                    }
                }
                // Heads before references, as in index(): no reference in a bucket its head does not list.
                bulk(recordHeads);
                bulk(userHeads);
                userBuckets.forEach(this::addRefs);
            }
        }
        oneByOne.forEach(this::store);
    }

    /** addToSet: a reference a concurrent replay pushed first is not added twice. */
    private void addRefs(String bucket, List<Document> refs) {
        Bson add = Updates.combine(Updates.addEachToSet("refs", refs), Updates.inc("n", refs.size()));
        try {
            index().updateOne(Filters.eq("_id", bucket), add, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another writer opened the bucket at the same moment: it exists now.
            index().updateOne(Filters.eq("_id", bucket), add);
        }
    }

    private static String userKey(Document line) {
        return "user:" + line.get("actor", Document.class).getString("subject");
    }

    private static String month(Document line) {
        return YearMonth.from(line.getDate("at").toInstant().atOffset(ZoneOffset.UTC))
                .toString();
    }

    private static Document buckets(Document line) {
        Document buckets = line.get("buckets", Document.class);
        if (buckets == null) {
            buckets = new Document();
            line.put("buckets", buckets);
        }
        return buckets;
    }

    /** The reference {@link #store} indexes a line by. */
    private static Document ref(Document line) {
        Document ref = new Document("id", line.getString("_id"))
                .append("at", line.getDate("at"))
                .append("orgPath", line.getString("orgPath"));
        if (line.getString("previousOrgPath") != null) {
            ref.append("previousOrgPath", line.getString("previousOrgPath"));
        }
        return ref;
    }

    private static List<String> scopes(Document line) {
        List<String> scopes = new ArrayList<>(List.of(line.getString("orgPath")));
        if (line.getString("previousOrgPath") != null) {
            scopes.add(line.getString("previousOrgPath"));
        }
        return scopes;
    }

    /** Unordered insert; the indexes of the documents stored (a duplicate key is no error here). */
    private static Set<Integer> insertNew(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> stored = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            stored.add(i);
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                stored.remove(error.getIndex());
            }
        }
        return stored;
    }

    /**
     * Unordered bulk of guarded upserts: a duplicate key is the guard's expected outcome (the
     * reference is there already, so the upsert's insert collided), not a failure.
     */
    private void bulk(List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            index().bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /**
     * The head first, then the reference: a reference is never in a bucket its head does not list
     * (a query reads buckets 0 to {@code seqs[month]} only), whatever bucket the line was given and
     * wherever a crash stops this.
     */
    private void index(String key, String role, String month, Document ref, List<String> scopes) {
        String bucket = bucketOf(key, role, month, ref.getString("id"));
        int seq = seqOf(bucket);
        List<Bson> head = new ArrayList<>(List.of(Updates.addToSet("months", month)));
        if (seq > 0) {
            head.add(Updates.max("seqs." + month, seq));
        }
        if (scopes != null) {
            head.add(Updates.set("orgPath", ref.getString("orgPath")));
            head.add(Updates.addEachToSet("orgPaths", scopes));
        }
        index().updateOne(Filters.eq("_id", key), Updates.combine(head), new UpdateOptions().upsert(true));
        if (pushed(bucket, ref) >= bucketSize) {
            // Full: the next line of this key and month opens the next bucket.
            index().updateOne(Filters.eq("_id", key), Updates.max("seqs." + month, seq + 1));
        }
    }

    /**
     * Adds the reference to its bucket unless it is there, and says how full the bucket is then (0 if
     * it was there). A guarded update without upsert first: an upsert whose guard fails on a bucket
     * that holds the reference already (a replay, a drain racing the sweep) collides on {@code _id},
     * which the store logs as an error each time. Only a bucket that does not exist is inserted; if
     * another writer opens it at that moment, the guarded update runs again on it, so this line's
     * reference is not lost either (an upsert's collision used to drop it).
     */
    private long pushed(String bucket, Document ref) {
        Bson guarded = Filters.and(Filters.eq("_id", bucket), Filters.ne("refs.id", ref.getString("id")));
        Bson push = Updates.combine(Updates.push("refs", ref), Updates.inc("n", 1));
        FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        Document updated = index().findOneAndUpdate(guarded, push, after);
        if (updated != null) {
            return ((Number) updated.get("n")).longValue();
        }
        if (index().find(Filters.eq("_id", bucket))
                        .projection(Projections.include("_id"))
                        .first()
                == null) {
            try {
                index().insertOne(new Document("_id", bucket)
                        .append("refs", List.of(ref))
                        .append("n", 1));
                return 1;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        // The bucket exists now (it may have been opened since the first try): the guard decides.
        updated = index().findOneAndUpdate(guarded, push, after);
        return updated == null ? 0 : ((Number) updated.get("n")).longValue();
    }

    /**
     * The bucket this line goes to under {@code key}: the month's open bucket when the line is first
     * indexed there, remembered on the line so that a replay finds the same one.
     */
    private String bucketOf(String key, String role, String month, String lineId) {
        Document head = index().find(Filters.eq("_id", key)).first();
        int seq = head == null ? 0 : seqs(head).getOrDefault(month, 0);
        String open = bucketId(key, month, seq);
        Document assigned = entries()
                .findOneAndUpdate(
                        Filters.and(Filters.eq("_id", lineId), Filters.exists("buckets." + role, false)),
                        Updates.set("buckets." + role, open),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (assigned != null) {
            return open;
        }
        Document entry = entries().find(Filters.eq("_id", lineId)).first();
        Document buckets = entry == null ? null : entry.get("buckets", Document.class);
        return buckets == null || buckets.getString(role) == null ? open : buckets.getString(role);
    }

    /** Bucket 0 keeps the id buckets had before they were split, so older logs read on. */
    static String bucketId(String key, String month, int seq) {
        return seq == 0 ? key + "|" + month : key + "|" + month + "|" + seq;
    }

    private static int seqOf(String bucketId) {
        String[] parts = bucketId.split("\\|");
        return parts.length > 2 ? Integer.parseInt(parts[parts.length - 1]) : 0;
    }

    private static Map<String, Integer> seqs(Document head) {
        Map<String, Integer> seqs = new HashMap<>();
        Document stored = head.get("seqs", Document.class);
        if (stored != null) {
            stored.forEach((month, n) -> seqs.put(month, ((Number) n).intValue()));
        }
        return seqs;
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
    public List<OrgPath> recordPaths(String recordId) {
        Document head = index().find(Filters.eq("_id", "record:" + recordId)).first();
        if (head == null) {
            return List.of();
        }
        List<String> paths = head.getList("orgPaths", String.class);
        if (paths == null || paths.isEmpty()) {
            // A head written before lines kept their scope: its latest path only.
            return head.getString("orgPath") == null ? List.of() : List.of(OrgPath.of(head.getString("orgPath")));
        }
        return paths.stream().map(OrgPath::of).toList();
    }

    @Override
    public ResultPage<AuditEntry> ofRecord(String recordId, List<OrgPath> within, PageQuery page) {
        return page(refs("record:" + recordId, within), page);
    }

    @Override
    public ResultPage<AuditEntry> ofUser(String subject, List<OrgPath> within, PageQuery page) {
        return page(refs("user:" + subject, within), page);
    }

    /** The key's references scoped under {@code within}, newest first (ties by id, so pages are stable). */
    private List<Document> refs(String key, List<OrgPath> within) {
        Document head = index().find(Filters.eq("_id", key)).first();
        if (head == null) {
            return List.of();
        }
        Map<String, Integer> seqs = seqs(head);
        List<Document> refs = new ArrayList<>();
        for (String month : head.getList("months", String.class)) {
            for (int seq = 0; seq <= seqs.getOrDefault(month, 0); seq++) {
                Document bucket = index().find(Filters.eq("_id", bucketId(key, month, seq)))
                        .projection(Projections.include("refs"))
                        .first();
                if (bucket == null) {
                    continue;
                }
                for (Document ref : bucket.getList("refs", Document.class)) {
                    if (visible(ref, within)) {
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

    /** A line is read under the path it was written at, or the one its record left by it. */
    private static boolean visible(Document ref, List<OrgPath> within) {
        for (String scope : new String[] {ref.getString("orgPath"), ref.getString("previousOrgPath")}) {
            if (scope != null) {
                OrgPath path = OrgPath.of(scope);
                if (within.stream().anyMatch(p -> p.covers(path))) {
                    return true;
                }
            }
        }
        return false;
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
                        .toList(),
                d.getString("importId"));
    }

    private MongoCollection<Document> entries() {
        return mongo.getCollection(ENTRIES);
    }

    private MongoCollection<Document> index() {
        return mongo.getCollection(INDEX);
    }
}
