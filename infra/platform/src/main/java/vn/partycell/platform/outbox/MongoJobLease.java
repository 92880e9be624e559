package vn.partycell.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.kernel.JobLease;

/**
 * Job leases as documents {@code {_id: job, holder, until, takenAt}} in {@code job_leases}, like
 * {@link OutboxLease} for the relay: taking or renewing is one conditional upsert that matches only a
 * lease that expired or is already ours, so two replicas racing for it collide on the unique {@code
 * _id} and one of them loses (no transactions needed). The holder is this instance (one per bean).
 * ShedLock's MongoDB provider was the first choice; no release of it builds on ShedLock 7 (Spring 7).
 */
public class MongoJobLease implements JobLease {

    public static final String COLLECTION = "job_leases";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();

    public MongoJobLease(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean tryHold(String job, Duration duration) {
        Instant now = clock.instant();
        try {
            leases().updateOne(
                            Filters.and(
                                    Filters.eq("_id", job),
                                    Filters.or(Filters.eq("holder", holder), Filters.lt("until", Date.from(now)))),
                            Updates.combine(
                                    Updates.set("holder", holder),
                                    Updates.set("until", Date.from(now.plus(duration))),
                                    Updates.set("takenAt", Date.from(now))),
                            new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void release(String job) {
        // Only our own lease: one that expired and was taken over belongs to its new holder.
        leases().deleteOne(Filters.and(Filters.eq("_id", job), Filters.eq("holder", holder)));
    }

    private MongoCollection<Document> leases() {
        return mongo.getCollection(COLLECTION);
    }
}
