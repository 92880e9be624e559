package vn.partycell.platform.mongo;

import com.mongodb.bulk.BulkWriteResult;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Rewrites the org path prefix of the records a tree move carried along ({@code members.org-unit.moved}):
 * every {@code field} starting with {@code from} gets {@code to} instead, in batches of single-document
 * updates (each guarded by the value it read), until nothing is left under {@code from}. Idempotent
 * and resumable: what remains to do is exactly what is still under the old prefix. The anchored
 * prefix regex is served by an index on {@code field}; codes are [a-z0-9-], so nothing needs escaping.
 */
public final class OrgPathRewrite {

    private static final int BATCH = 500;

    private OrgPathRewrite() {}

    /** Returns how many documents were rewritten. */
    public static long rewrite(MongoTemplate mongo, String collection, String field, OrgPath from, OrgPath to) {
        if (from.equals(to)) {
            return 0;
        }
        MongoCollection<Document> documents = mongo.getCollection(collection);
        long rewritten = 0;
        while (true) {
            List<Document> batch = documents
                    .find(Filters.regex(field, "^" + from.value()))
                    .projection(Projections.include(field))
                    .limit(BATCH)
                    .into(new ArrayList<>());
            if (batch.isEmpty()) {
                return rewritten;
            }
            List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
            for (Document d : batch) {
                String old = d.getString(field);
                writes.add(new UpdateOneModel<>(
                        Filters.and(Filters.eq("_id", d.get("_id")), Filters.eq(field, old)),
                        Updates.set(
                                field, to.value() + old.substring(from.value().length()))));
            }
            BulkWriteResult result = documents.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            if (result.getMatchedCount() == 0) {
                // Every record of the batch changed meanwhile; the next delivery tries again.
                return rewritten;
            }
            rewritten += result.getModifiedCount();
        }
    }
}
