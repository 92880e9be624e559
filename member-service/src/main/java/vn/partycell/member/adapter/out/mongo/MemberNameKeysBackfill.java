package vn.partycell.member.adapter.out.mongo;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.partycell.member.application.VietnameseCollation;

/**
 * At start, gives every member stored before the search fields existed (or with keys of an older
 * {@link VietnameseCollation#VERSION}) its sort key and folded name words, in batches of {@link
 * #BATCH} so that a province's register is never read at once. Each update is conditional on the
 * name it was computed from, so a member renamed meanwhile keeps the keys its own write stored.
 * Lists are served during the run; members not yet done are missing from name searches until then.
 */
@Component
public class MemberNameKeysBackfill implements ApplicationRunner {

    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MemberNameKeysBackfill.class);

    private final MongoTemplate mongo;

    public MemberNameKeysBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        long done = backfill();
        if (done > 0) {
            LOG.info("Computed the Vietnamese sort key and name words of {} stored members", done);
        }
    }

    /** Returns how many members were given current keys. */
    public long backfill() {
        long done = 0;
        while (true) {
            Query stale = Query.query(Criteria.where("nameKeys").ne(VietnameseCollation.VERSION))
                    .limit(BATCH);
            stale.fields().include("_id", "person.fullName");
            List<Document> batch = mongo.find(stale, Document.class, MongoMemberRepository.COLLECTION);
            if (batch.isEmpty()) {
                return done;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MongoMemberRepository.COLLECTION);
            for (Document member : batch) {
                String fullName = member.get("person", Document.class).getString("fullName");
                bulk.updateOne(
                        Query.query(Criteria.where("_id")
                                .is(member.get("_id"))
                                .and("person.fullName")
                                .is(fullName)),
                        new Update()
                                .set("sortKey", VietnameseCollation.sortKey(fullName))
                                .set("nameWords", VietnameseCollation.foldedWords(fullName))
                                .set("nameKeys", VietnameseCollation.VERSION));
            }
            int matched = bulk.execute().getMatchedCount();
            done += matched;
            if (matched == 0) {
                // Nothing matched its own read: stop rather than loop; the next start tries again.
                LOG.warn("Backfill of member name keys could update none of {} members; stopping", batch.size());
                return done;
            }
        }
    }
}
