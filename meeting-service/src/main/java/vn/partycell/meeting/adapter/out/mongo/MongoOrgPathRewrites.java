package vn.partycell.meeting.adapter.out.mongo;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.OrgPathRewrites;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.OrgPathRewrite;

/**
 * Tree moves in MongoDB: the cells read model, the roster lines and the meetings are rewritten by
 * org path prefix (each collection has an index on {@code orgPath}); {@code org_moves} keeps the
 * version of the last move applied per node.
 */
@Repository
public class MongoOrgPathRewrites implements OrgPathRewrites {

    static final String MOVES = "org_moves";

    private final MongoTemplate mongo;

    public MongoOrgPathRewrites(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(MongoRosterRepository.ROSTER)
                .createIndex(com.mongodb.client.model.Indexes.ascending("orgPath"));
    }

    @Override
    public boolean isNewerMove(OrgUnitId node, long version) {
        return !mongo.exists(
                Query.query(Criteria.where("_id")
                        .is(node.value().toString())
                        .and("version")
                        .gte(version)),
                MOVES);
    }

    @Override
    public void rewrite(OrgPath from, OrgPath to) {
        OrgPathRewrite.rewrite(mongo, MongoRosterRepository.CELLS, "orgPath", from, to);
        OrgPathRewrite.rewrite(mongo, MongoRosterRepository.ROSTER, "orgPath", from, to);
        OrgPathRewrite.rewrite(mongo, MongoMeetingRepository.COLLECTION, "orgPath", from, to);
        OrgPathRewrite.rewrite(mongo, MongoSelfCriticismRepository.COLLECTION, "orgPath", from, to);
        OrgPathRewrite.rewrite(mongo, MongoMeetingGradeRepository.COLLECTION, "orgPath", from, to);
        // The compliance watch's nodes: cells moved with a committee follow it into its superior's list.
        OrgPathRewrite.rewrite(mongo, MongoWatchedUnits.COLLECTION, "orgPath", from, to);
    }

    @Override
    public void recordMove(OrgUnitId node, long version) {
        try {
            mongo.upsert(
                    Query.query(Criteria.where("_id")
                            .is(node.value().toString())
                            .and("version")
                            .lt(version)),
                    new Update().set("version", version),
                    MOVES);
        } catch (DuplicateKeyException e) {
            // A newer move of the node is recorded already.
        }
    }
}
