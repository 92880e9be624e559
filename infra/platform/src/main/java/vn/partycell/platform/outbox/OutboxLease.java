package vn.partycell.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One relay per service at a time: a lease document {@code {_id, holder, until, generation}}. The
 * generation is a fencing token, incremented on every takeover, so a relay that was paused past its
 * lease cannot renew it again after another instance took over. Not thread-safe: one relay thread.
 */
public class OutboxLease {

    private static final Logger log = LoggerFactory.getLogger(OutboxLease.class);
    private static final String ID = "relay";

    private final MongoTemplate mongo;
    private final Duration duration;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private volatile long generation;
    private volatile Instant until = Instant.EPOCH;
    private volatile boolean held;

    public OutboxLease(MongoTemplate mongo, Duration duration, Clock clock) {
        this.mongo = mongo;
        this.duration = duration;
        this.clock = clock;
    }

    /** Renews the lease if it is ours, else takes it over if it expired; true if we hold it now. */
    public boolean hold() {
        if (held && renew()) {
            return true;
        }
        Instant now = clock.instant();
        try {
            Document lease = leases().findOneAndUpdate(
                            Filters.and(Filters.eq("_id", ID), Filters.lt("until", Date.from(now))),
                            Updates.combine(
                                    Updates.set("holder", holder),
                                    Updates.set("until", Date.from(now.plus(duration))),
                                    Updates.inc("generation", 1L)),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            generation = ((Number) lease.get("generation")).longValue();
            until = now.plus(duration);
            held = true;
            log.info("Outbox relay lease taken, generation {}", generation);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // The upsert collided with a lease another instance holds and that has not expired.
        return false;
    }

    /**
     * Extends the lease only if the document still names us at our generation; false means another
     * instance took over (it may have published already), and we must stop at once.
     */
    public boolean renew() {
        if (!held) {
            return false;
        }
        Instant now = clock.instant();
        long matched = leases().updateOne(
                        Filters.and(
                                Filters.eq("_id", ID),
                                Filters.eq("holder", holder),
                                Filters.eq("generation", generation)),
                        Updates.set("until", Date.from(now.plus(duration))))
                .getMatchedCount();
        if (matched == 0) {
            held = false;
            log.warn("Outbox relay lease generation {} was taken over; this instance stops publishing", generation);
            return false;
        }
        until = now.plus(duration);
        return true;
    }

    /**
     * The check before each send, without a round trip: true while the lease, as last renewed, still
     * covers {@code needed} from now (the time a send may take to be acknowledged).
     */
    public boolean covers(Duration needed) {
        return held && !clock.instant().plus(needed).isAfter(until);
    }

    public boolean held() {
        return held;
    }

    /** The fencing token of the lease we hold (or last held). */
    public long generation() {
        return generation;
    }

    /** Lets another instance take over at once (graceful stop). */
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            leases().updateOne(
                            Filters.and(
                                    Filters.eq("_id", ID),
                                    Filters.eq("holder", holder),
                                    Filters.eq("generation", generation)),
                            Updates.set("until", new Date(0)));
        } catch (RuntimeException e) {
            log.debug("Could not release the outbox lease: {}", e.toString());
        }
    }

    private MongoCollection<Document> leases() {
        return mongo.getCollection(OutboxFields.LEASES);
    }
}
