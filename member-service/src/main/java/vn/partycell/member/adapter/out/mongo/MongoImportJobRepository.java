package vn.partycell.member.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.AuditActor;
import vn.partycell.member.application.ImportRejection;
import vn.partycell.member.application.MemberImport;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportJobs;
import vn.partycell.member.application.MemberImportState;
import vn.partycell.member.application.RequestContext;
import vn.partycell.member.domain.OrgUnitId;

/**
 * Import runs ({@code member_imports}, one document per run, found by {@code _id}) and their rejection
 * reports ({@code member_import_rejections}, one document per batch of rows with rejections, {@code
 * _id = <run>:<batch>}): the report is read batch by batch by id, so it costs the same however many
 * runs the store holds. The runs not over are listed in one small document ({@code
 * member_imports_open}, {@code _id = open}): a run is added before it is stored and taken off once it
 * is over, so {@link #unfinished} (at start) reads that document and those runs by id instead of
 * looking through every run by state. A run left listed after a crash is seen over and taken off.
 */
@Repository
public class MongoImportJobRepository implements MemberImportJobs {

    static final String JOBS = "member_imports";
    static final String REJECTIONS = "member_import_rejections";
    static final String OPEN = "member_imports_open";
    private static final String OPEN_ID = "open";

    /** The actor of the upload, kept on the run: its audit lines are theirs ({@link MongoImportJobMembers}). */
    static final String STARTED_BY = "startedBy";

    private final MongoTemplate mongo;
    private final RequestContext request;

    public MongoImportJobRepository(MongoTemplate mongo, RequestContext request) {
        this.mongo = mongo;
        this.request = request;
        jobs().createIndex(Indexes.ascending("state"), new IndexOptions().name("state"));
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(JOBS);
    }

    private MongoCollection<Document> rejections() {
        return mongo.getCollection(REJECTIONS);
    }

    private MongoCollection<Document> open() {
        return mongo.getCollection(OPEN);
    }

    @Override
    public void insert(MemberImport job) {
        listOpen();
        open().updateOne(
                        eq("_id", OPEN_ID),
                        com.mongodb.client.model.Updates.addToSet(
                                "ids", job.id().toString()),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
        Document document = fields(job);
        document.put("_id", job.id().toString());
        document.put("cancelRequested", job.cancelRequested());
        // Stored on the upload's thread: the worker that stores the members has no request.
        AuditActor actor = request.actor();
        document.put(
                STARTED_BY,
                new Document("subject", actor.subject())
                        .append("name", actor.name())
                        .append("roles", actor.roles())
                        .append("requestId", actor.requestId())
                        .append("traceparent", actor.traceparent())
                        .append("operation", actor.operation()));
        jobs().insertOne(document);
    }

    @Override
    public Optional<MemberImport> find(MemberImportId id) {
        return Optional.ofNullable(jobs().find(eq("_id", id.toString())).first())
                .map(MongoImportJobRepository::toJob);
    }

    @Override
    public MemberImport save(MemberImport job) {
        Document stored = jobs().findOneAndUpdate(
                        eq("_id", job.id().toString()),
                        new Document("$set", fields(job)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (stored == null) {
            throw new IllegalStateException("member import " + job.id() + " is not stored");
        }
        MemberImport saved = toJob(stored);
        if (saved.state().isOver()) {
            closed(saved.id().toString());
        }
        return saved;
    }

    private void closed(String id) {
        open().updateOne(eq("_id", OPEN_ID), com.mongodb.client.model.Updates.pull("ids", id));
    }

    /**
     * The open list, made once from the runs by state for a store written before it existed (one scan
     * of {@code member_imports}, on the first start of this release only).
     */
    private Document listOpen() {
        Document open = open().find(eq("_id", OPEN_ID)).first();
        if (open != null) {
            return open;
        }
        List<String> ids = new ArrayList<>();
        jobs().find(in("state", MemberImportState.QUEUED.name(), MemberImportState.RUNNING.name()))
                .forEach(d -> ids.add(d.getString("_id")));
        open().updateOne(
                        eq("_id", OPEN_ID),
                        com.mongodb.client.model.Updates.addEachToSet("ids", ids),
                        new com.mongodb.client.model.UpdateOptions().upsert(true));
        return open().find(eq("_id", OPEN_ID)).first();
    }

    @Override
    public Optional<MemberImport> requestCancellation(MemberImportId id) {
        return Optional.ofNullable(jobs().findOneAndUpdate(
                                eq("_id", id.toString()),
                                new Document("$set", new Document("cancelRequested", true)),
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(MongoImportJobRepository::toJob);
    }

    @Override
    public List<MemberImport> unfinished() {
        List<MemberImport> found = new ArrayList<>();
        for (String id : listOpen().getList("ids", String.class, List.of())) {
            Document stored = jobs().find(eq("_id", id)).first();
            MemberImport job = stored == null ? null : toJob(stored);
            if (job == null || job.state().isOver()) {
                closed(id);
            } else {
                found.add(job);
            }
        }
        return found;
    }

    @Override
    public void storeRejections(MemberImportId id, long chunk, List<ImportRejection> rejections) {
        String key = id + ":" + chunk;
        if (rejections.isEmpty()) {
            rejections().deleteOne(eq("_id", key));
            return;
        }
        List<Document> rows = rejections.stream()
                .map(r ->
                        new Document("row", r.row()).append("field", r.field()).append("reason", r.reason()))
                .toList();
        rejections()
                .replaceOne(
                        eq("_id", key),
                        new Document("_id", key)
                                .append("importId", id.toString())
                                .append("chunk", chunk)
                                .append("rows", rows),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public void forEachRejection(MemberImportId id, long chunks, Consumer<ImportRejection> sink) {
        for (long chunk = 0; chunk < chunks; chunk++) {
            Document document = rejections().find(eq("_id", id + ":" + chunk)).first();
            if (document == null) {
                continue;
            }
            for (Document row : document.getList("rows", Document.class)) {
                sink.accept(new ImportRejection(
                        ((Number) row.get("row")).longValue(), row.getString("field"), row.getString("reason")));
            }
        }
    }

    private static Document fields(MemberImport job) {
        return new Document("unitId", job.unitId().value().toString())
                .append("fileName", job.fileName())
                .append("format", job.format().name())
                .append("fileSha256", job.fileSha256())
                .append("fileBytes", job.fileBytes())
                .append("requestedBy", job.requestedBy())
                .append("state", job.state().name())
                .append("rowsRead", job.rowsRead())
                .append("rowsAccepted", job.rowsAccepted())
                .append("rowsRejected", job.rowsRejected())
                .append("rowsSkipped", job.rowsSkipped())
                .append("chunks", job.chunks())
                .append("createdAt", date(job.createdAt()))
                .append("startedAt", date(job.startedAt()))
                .append("finishedAt", date(job.finishedAt()))
                .append("failure", job.failure());
    }

    private static MemberImport toJob(Document d) {
        return new MemberImport(
                MemberImportId.of(UUID.fromString(d.getString("_id"))),
                OrgUnitId.of(d.getString("unitId")),
                d.getString("fileName"),
                ImportFormat.valueOf(d.getString("format")),
                d.getString("fileSha256"),
                number(d, "fileBytes"),
                d.getString("requestedBy"),
                MemberImportState.valueOf(d.getString("state")),
                number(d, "rowsRead"),
                number(d, "rowsAccepted"),
                number(d, "rowsRejected"),
                number(d, "rowsSkipped"),
                number(d, "chunks"),
                Boolean.TRUE.equals(d.getBoolean("cancelRequested")),
                instant(d.getDate("createdAt")),
                instant(d.getDate("startedAt")),
                instant(d.getDate("finishedAt")),
                d.getString("failure"));
    }

    private static long number(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
