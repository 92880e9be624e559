package vn.partycell.evaluation.adapter.out.mongo;

import com.mongodb.client.model.Indexes;
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
 * Tree moves in MongoDB: scorecards and the latest path per cell are rewritten by org path prefix
 * (indexed); the meeting entries inside a scorecard keep the path they had when held (history).
 * {@code org_moves} keeps the version of the last move applied per node.
 */
@Repository
public class MongoOrgPathRewrites implements OrgPathRewrites {

    static final String MOVES = "org_moves";

    private final MongoTemplate mongo;

    public MongoOrgPathRewrites(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(MongoScorecardRepository.SCORECARDS).createIndex(Indexes.ascending("orgPath"));
        mongo.getCollection(MongoScorecardRepository.CELLS).createIndex(Indexes.ascending("orgPath"));
    }

    @Override
    public boolean isNewerMove(String nodeId, long version) {
        return !mongo.exists(
                Query.query(Criteria.where("_id").is(nodeId).and("version").gte(version)), MOVES);
    }

    @Override
    public void rewrite(OrgPath from, OrgPath to) {
        OrgPathRewrite.rewrite(mongo, MongoScorecardRepository.SCORECARDS, "orgPath", from, to);
        OrgPathRewrite.rewrite(mongo, MongoScorecardRepository.CELLS, "orgPath", from, to);
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
