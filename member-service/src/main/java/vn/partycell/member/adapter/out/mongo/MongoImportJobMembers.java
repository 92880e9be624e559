package vn.partycell.member.adapter.out.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportStore;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Imported members into {@code members}: each the same document {@link MongoMemberRepository} writes
 * (with its registered event in its outbox, one document write), plus {@code importId} and {@code
 * importRow} saying which run and row stored it; a batch is one unordered {@code insertMany}. A
 * duplicate is found by the unique keys only (the id, the citizen ID and card number indexes) and then
 * read by id.
 */
@Repository
public class MongoImportJobMembers implements MemberImportStore {

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxEventMapper<MemberEvent> events;

    public MongoImportJobMembers(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MemberEvent> events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public List<Outcome> insertAll(MemberImportId importId, List<Imported> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>(batch.size());
        List<List<OutboxEvent>> outboxes = new ArrayList<>(batch.size());
        for (Imported imported : batch) {
            Document document = new Document();
            mongo.getConverter().write(MemberDocument.from(imported.registered().state()), document);
            document.remove("_class");
            document.put("importId", importId.toString());
            document.put("importRow", imported.row());
            List<OutboxEvent> pending = imported.registered().events().stream()
                    .map(events::toOutbox)
                    .toList();
            outboxes.add(pending);
            documents.add(OutboxStore.withEvents(document, pending));
        }
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
        List<OutboxEvent> written = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof Outcome.Stored) {
                written.addAll(outboxes.get(i));
            }
        }
        outbox.eventsWritten(written);
        return List.of(outcomes);
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
