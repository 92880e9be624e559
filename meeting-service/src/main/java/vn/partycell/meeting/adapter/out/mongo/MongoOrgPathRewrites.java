package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
import vn.partycell.meeting.application.OrgPathRewrites;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.OrgPathRewrite;

/**
 * Tree moves in MongoDB: every record of this service that stores an org path (the cells read model,
 * roster lines, meetings, self-criticism rounds, grades, watched units, tasks, proceedings,
 * attendance replies, amendments, overdue facts and the attachments' GridFS metadata) is rewritten
 * by org path prefix (each has an index on its path field); {@code org_moves} keeps the version of
 * the last move applied per node.
 */
@Repository
public class MongoOrgPathRewrites implements OrgPathRewrites {

    static final String MOVES = "org_moves";

    private final MongoTemplate mongo;

    /**
     * Records that carry the org path only for their own sake (found by meeting id elsewhere): the
     * rewrite's prefix regex is served by the index declared here for each.
     */
    private static final List<String> ALSO_UNDER_PATH = List.of(
            MongoProceedingsRepository.COLLECTION,
            MongoAttendanceReplyRepository.COLLECTION,
            MongoAmendmentRepository.COLLECTION,
            MongoCellOverdues.COLLECTION);

    private static final String ATTACHMENT_FILES = GridFsAttachmentStore.BUCKET + ".files";
    private static final String ATTACHMENT_PATH = "metadata.orgPath";
    private static final int BATCH = 500;

    public MongoOrgPathRewrites(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(MongoRosterRepository.ROSTER)
                .createIndex(com.mongodb.client.model.Indexes.ascending("orgPath"));
        ALSO_UNDER_PATH.forEach(
                c -> mongo.getCollection(c).createIndex(com.mongodb.client.model.Indexes.ascending("orgPath")));
        mongo.getCollection(ATTACHMENT_FILES).createIndex(com.mongodb.client.model.Indexes.ascending(ATTACHMENT_PATH));
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
        // Tasks are read by their own path (GET /api/v1/tasks/{id}); the others keep it for what they
        // publish and for reads by path, so no record is left under the old superior.
        OrgPathRewrite.rewrite(mongo, MongoMeetingTaskRepository.COLLECTION, "orgPath", from, to);
        ALSO_UNDER_PATH.forEach(c -> OrgPathRewrite.rewrite(mongo, c, "orgPath", from, to));
        rewriteAttachments(from, to);
    }

    /**
     * The attachments' path sits in the GridFS file's metadata: the platform's rewrite reads a top
     * level field, so this is the same guarded, batched, resumable loop over the nested one.
     */
    private void rewriteAttachments(OrgPath from, OrgPath to) {
        if (from.equals(to)) {
            return;
        }
        MongoCollection<Document> files = mongo.getCollection(ATTACHMENT_FILES);
        while (true) {
            List<Document> batch = files.find(Filters.regex(ATTACHMENT_PATH, "^" + from.value()))
                    .projection(Projections.include(ATTACHMENT_PATH))
                    .limit(BATCH)
                    .into(new ArrayList<>());
            if (batch.isEmpty()) {
                return;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
            for (Document d : batch) {
                String old = d.get("metadata", Document.class).getString("orgPath");
                writes.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", d.get("_id")), Filters.eq(ATTACHMENT_PATH, old)),
                        Updates.set(
                                ATTACHMENT_PATH,
                                to.value() + old.substring(from.value().length()))));
            }
            if (files.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() == 0) {
                // Every file of the batch changed meanwhile; the next delivery tries again.
                return;
            }
        }
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
