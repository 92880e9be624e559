package vn.partycell.member.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.AuditActor;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportStore;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Imported members into {@code members}: each the same document {@link MongoMemberRepository} writes
 * (with its registered event in its outbox and its audit line in {@code auditPending}, one document
 * write, as {@link AuditedWriter#insert} does), plus {@code importId} and {@code importRow} saying
 * which run and row stored it; a batch is one unordered {@code insertMany}, and its lines go into the
 * log together ({@link AuditRelay#drainAll}). A line is the upload's actor's (the worker has no
 * request) and names the run; its id is made from the run and the row, so a resumed batch gives the
 * same line again, and since its member is then a duplicate nothing is written twice. A duplicate is
 * found by the unique keys only (the id, the citizen ID and card number indexes) and then read by id.
 */
@Repository
public class MongoImportJobMembers implements MemberImportStore {

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxEventMapper<MemberEvent> events;
    private final AuditRelay relay;

    public MongoImportJobMembers(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MemberEvent> events, AuditRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
        this.relay = relay;
    }

    @Override
    public List<Outcome> insertAll(MemberImportId importId, List<Imported> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        AuditActor actor = startedBy(importId);
        List<Document> documents = new ArrayList<>(batch.size());
        List<List<OutboxEvent>> outboxes = new ArrayList<>(batch.size());
        List<Document> lines = new ArrayList<>(batch.size());
        Map<Object, Document> expected = new LinkedHashMap<>();
        for (Imported imported : batch) {
            Document state = new Document();
            mongo.getConverter().write(MemberDocument.from(imported.registered().state()), state);
            state.remove("_class");
            List<OutboxEvent> pending = imported.registered().events().stream()
                    .map(events::toOutbox)
                    .toList();
            // The line a registration writes, from the same state and events (AuditedWriter#insert).
            Document line = relay.log()
                    .newEntry(
                            actor,
                            lineId(importId, imported.row()),
                            "member",
                            state.getString("_id"),
                            state.getString("orgPath"),
                            null,
                            AuditedWriter.action(pending, "created"),
                            new ArrayList<>(AuditDiff.between(null, state)))
                    .append("importId", importId.toString());
            Document document = OutboxStore.withEvents(state, pending);
            document.put("importId", importId.toString());
            document.put("importRow", imported.row());
            document.put(AuditedWriter.PENDING, List.of(line));
            outboxes.add(pending);
            lines.add(line);
            documents.add(document);
            expected.putIfAbsent(document.get("_id"), line);
        }
        relay.expectAll(MongoMemberRepository.COLLECTION, expected);
        Outcome[] outcomes = new Outcome[batch.size()];
        Arrays.fill(outcomes, new Outcome.Stored());
        MongoCollection<Document> members = mongo.getCollection(MongoMemberRepository.COLLECTION);
        try {
            members.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            Map<Integer, BulkWriteError> failed = new HashMap<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                failed.put(error.getIndex(), error);
            }
            failed.forEach((i, error) ->
                    outcomes[i] = duplicate(members, documents.get(i).getString("_id"), error.getMessage()));
        }
        List<Object> written = new ArrayList<>();
        Map<Object, Document> stored = new LinkedHashMap<>();
        List<Document> refused = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Object id = documents.get(i).get("_id");
            if (outcomes[i] instanceof Outcome.Stored) {
                if (!outboxes.get(i).isEmpty()) {
                    written.add(id);
                }
                stored.put(id, lines.get(i));
            } else if (outcomes[i] instanceof Outcome.SameId same
                    && importId.equals(same.importId())
                    && Long.valueOf(batch.get(i).row()).equals(same.row())) {
                // This row, stored by this run before a restart: its line (this same one, same id) may
                // still wait in its document; drained now, after which its marker can go.
                relay.drain(MongoMemberRepository.COLLECTION, id);
                refused.add(lines.get(i));
            } else {
                refused.add(lines.get(i));
            }
        }
        relay.forgetAll(refused);
        outbox.eventsWritten(MongoMemberRepository.COLLECTION, written);
        relay.drainAll(MongoMemberRepository.COLLECTION, stored);
        return List.of(outcomes);
    }

    /** The same id for the same run and row: a resumed batch's line is the one it wrote before. */
    static String lineId(MemberImportId importId, long row) {
        return UUID.nameUUIDFromBytes(
                        ("partycell:audit:member-import:" + importId + ":" + row).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Who uploaded the run's file, as kept on the run; a run stored before the actor was kept is its
     * requester's by name only.
     */
    private AuditActor startedBy(MemberImportId importId) {
        Document job = mongo.getCollection(MongoImportJobRepository.JOBS)
                .find(eq("_id", importId.toString()))
                .projection(Projections.include(MongoImportJobRepository.STARTED_BY, "requestedBy"))
                .first();
        if (job == null) {
            return AuditActor.SYSTEM;
        }
        Document actor = job.get(MongoImportJobRepository.STARTED_BY, Document.class);
        if (actor == null) {
            return job.getString("requestedBy") == null
                    ? AuditActor.SYSTEM
                    : new AuditActor(job.getString("requestedBy"), null, "", null, null, null);
        }
        return new AuditActor(
                actor.getString("subject"),
                actor.getString("name"),
                actor.getString("roles"),
                actor.getString("requestId"),
                actor.getString("traceparent"),
                actor.getString("operation"));
    }

    /**
     * Which unique key the member collided on: its id (read who stored it), else the card number's
     * index if the store names it, else the citizen ID.
     */
    private static Outcome duplicate(MongoCollection<Document> members, String id, String error) {
        Document existing = members.find(eq("_id", id))
                .projection(Projections.include("importId", "importRow"))
                .first();
        if (existing == null) {
            return String.valueOf(error).contains(MemberDocument.PARTY_CARD_UNIQUE)
                    ? new Outcome.PartyCardTaken()
                    : new Outcome.CitizenIdTaken();
        }
        String importId = existing.getString("importId");
        Object row = existing.get("importRow");
        return new Outcome.SameId(
                importId == null ? null : MemberImportId.of(UUID.fromString(importId)),
                row instanceof Number n ? n.longValue() : null);
    }
}
