package vn.partycell.member.adapter.out.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.partycell.member.application.JobLease;

/**
 * Job leases as documents {@code {_id: job, holder, until}} in {@code job_leases}: taken when expired
 * or already ours (one conditional upsert; a concurrent taker loses on the unique {@code _id}).
 */
@Component
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
    public boolean hold(String job, Duration duration) {
        Instant now = clock.instant();
        Query mineOrExpired = Query.query(Criteria.where("_id")
                .is(job)
                .orOperator(
                        Criteria.where("holder").is(holder),
                        Criteria.where("until").lt(Date.from(now))));
        try {
            mongo.findAndModify(
                    mineOrExpired,
                    new Update().set("holder", holder).set("until", Date.from(now.plus(duration))),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    org.bson.Document.class,
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
