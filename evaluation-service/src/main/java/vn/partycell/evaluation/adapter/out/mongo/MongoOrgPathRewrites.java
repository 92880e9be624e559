package vn.partycell.evaluation.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.evaluation.application.OrgPathRewrites;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.OrgPathRewrite;

/**
 * Tree moves in MongoDB: scorecards (their meeting entries, whose latest gives the scope) and the
 * latest path per cell are rewritten by org path prefix (indexed).
 * {@code org_moves} keeps the version of the last move applied per node.
 */
@Repository
public class MongoOrgPathRewrites implements OrgPathRewrites {

    static final String MOVES = "org_moves";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;

    public MongoOrgPathRewrites(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(MongoScorecardRepository.SCORECARDS).createIndex(Indexes.ascending("meetings.orgPath"));
        mongo.getCollection(MongoScorecardRepository.CELLS).createIndex(Indexes.ascending("orgPath"));
    }

    @Override
    public boolean isNewerMove(String nodeId, long version) {
        return !mongo.exists(
                Query.query(Criteria.where("_id").is(nodeId).and("version").gte(version)), MOVES);
    }

    @Override
    public void rewrite(OrgPath from, OrgPath to) {
        rewriteScorecards(from, to);
        OrgPathRewrite.rewrite(mongo, MongoScorecardRepository.CELLS, "orgPath", from, to);
    }

    /**
     * A scorecard's scope is the path of its latest meeting entry, so the entries' paths move too (and
     * the top-level copy). Each document is replaced only if no meeting was added since it was read
     * ({@code meetingCount}); one that changed stays under the old prefix and is taken again.
     */
    private void rewriteScorecards(OrgPath from, OrgPath to) {
        MongoCollection<Document> scorecards = mongo.getCollection(MongoScorecardRepository.SCORECARDS);
        String prefix = from.value();
        while (true) {
            List<Document> batch = scorecards
                    .find(Filters.regex("meetings.orgPath", "^" + prefix))
                    .limit(BATCH)
                    .into(new ArrayList<>());
            if (batch.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Document d : batch) {
                List<Document> meetings = new ArrayList<>();
                for (Document e : d.getList("meetings", Document.class)) {
                    meetings.add(new Document(e).append("orgPath", moved(e.getString("orgPath"), from, to)));
                }
                writes.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", d.get("_id")), Filters.eq("meetingCount", d.get("meetingCount"))),
                        Updates.combine(
                                Updates.set("meetings", meetings),
                                Updates.set("orgPath", moved(d.getString("orgPath"), from, to)))));
            }
            if (scorecards
                            .bulkWrite(writes, new BulkWriteOptions().ordered(false))
                            .getModifiedCount()
                    == 0) {
                return;
            }
        }
    }

    private static String moved(String path, OrgPath from, OrgPath to) {
        return path != null && path.startsWith(from.value())
                ? to.value() + path.substring(from.value().length())
                : path;
    }

    @Override
    public void recordMove(String nodeId, long version) {
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id").is(nodeId).and("version").lt(version)),
                    new Update().set("version", version),
                    MOVES);
        } catch (DuplicateKeyException e) {
            // A newer move of the node is recorded already.
        }
    }
}
