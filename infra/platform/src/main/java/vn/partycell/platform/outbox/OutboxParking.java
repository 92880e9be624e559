package vn.partycell.platform.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The operator's way out after fixing why Kafka rejected an event (raised the topic's
 * {@code max.message.bytes}, created the topic, ...): the parked events go back to the head of the
 * aggregate's outbox, before the events that waited behind them, in one write.
 */
public class OutboxParking {

    private final MongoTemplate mongo;
    private final OutboxSignal signal;
    private final Clock clock;

    public OutboxParking(MongoTemplate mongo, OutboxSignal signal, Clock clock) {
        this.mongo = mongo;
        this.signal = signal == null ? OutboxSignal.NONE : signal;
        this.clock = clock;
    }

    /** Re-queues the aggregate's parked events; false if it had none. */
    public boolean requeue(String collection, Object aggregateId) {
        Document doc = mongo.getCollection(collection)
                .find(Filters.and(Filters.eq("_id", aggregateId), Filters.exists(OutboxFields.PARKED + ".0")))
                .projection(Projections.include(OutboxFields.PARKED))
                .first();
        if (doc == null) {
            return false;
        }
        List<Document> parked = doc.getList(OutboxFields.PARKED, Document.class);
        // Conditional on the parked list read, so a record parked meanwhile is not lost.
        long matched = mongo.getCollection(collection)
                .updateOne(
                        Filters.and(Filters.eq("_id", aggregateId), Filters.eq(OutboxFields.PARKED, parked)),
                        Updates.combine(
                                Updates.pushEach(OutboxFields.OUTBOX, parked, new PushOptions().position(0)),
                                Updates.unset(OutboxFields.PARKED),
                                Updates.min(OutboxFields.SINCE, Date.from(clock.instant()))))
                .getMatchedCount();
        if (matched == 1) {
            signal.eventsWritten(collection, List.of(aggregateId));
        }
        return matched == 1;
    }
}
