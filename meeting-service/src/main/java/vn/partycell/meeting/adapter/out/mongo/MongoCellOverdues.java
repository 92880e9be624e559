package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.CellOverdues;
import vn.partycell.meeting.domain.CellEvent;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Overdue facts ({@code cell_overdues}), one document per cell, kind and period under the unique
 * key {@code <cellId>:<period>:<kind>}, inserted with its {@code CellMeetingOverdue} in its outbox:
 * the fact and its event are one write, and a second insert of the same key fails on {@code _id},
 * so the event is published once however often the watch runs.
 */
@Repository
public class MongoCellOverdues implements CellOverdues {

    static final String COLLECTION = "cell_overdues";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxEventMapper<CellEvent> events;

    public MongoCellOverdues(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<CellEvent> events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public Set<String> recorded(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        mongo.getCollection(COLLECTION)
                .find(Filters.in("_id", keys))
                .projection(Projections.include("_id"))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    @Override
    public boolean record(CellEvent.MeetingOverdue o) {
        List<OutboxEvent> pending = List.of(events.toOutbox(o));
        Document fact = new Document("_id", o.key())
                .append("cellId", o.cell().id().toString())
                .append("orgPath", o.cell().orgPath().value())
                .append("kind", o.kind().name())
                .append("period", o.period().key())
                .append("detectedOn", o.detectedOn().toString());
        try {
            mongo.getCollection(COLLECTION).insertOne(OutboxStore.withEvents(fact, pending));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        outbox.eventsWritten(COLLECTION, List.of(o.key()));
        return true;
    }
}
