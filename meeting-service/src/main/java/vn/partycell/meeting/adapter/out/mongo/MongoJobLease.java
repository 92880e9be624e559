package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.JobLease;

/**
 * A lease document per job ({@code job_leases}: {@code _id, holder, until}), like the platform's
 * outbox lease: taking it is one upsert that matches only an expired lease, so two replicas racing
 * for it collide on {@code _id} and one of them loses. ShedLock's MongoDB provider was the first
 * choice; no release of it builds on ShedLock 7 (Spring 7), see the compliance notes in the README.
 */
@Repository
public class MongoJobLease implements JobLease {

    static final String COLLECTION = "job_leases";

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
            mongo.getCollection(COLLECTION)
                    .updateOne(
                            Filters.and(Filters.eq("_id", job), Filters.lt("until", Date.from(now))),
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
        mongo.getCollection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", job), Filters.eq("holder", holder)));
    }
}
