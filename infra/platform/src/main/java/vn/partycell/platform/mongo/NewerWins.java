package vn.partycell.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

/**
 * "Newer wins" for a read model a consumer keeps from versioned snapshots (a roster line, a cell):
 * the fields are written only if the stored version is lower than the incoming one, or nothing is
 * stored yet.
 *
 * <p>Every filter here is an equality on exactly the keys of a unique index, {@code _id} or {@code
 * (_id, version)} ({@link #prepare}, {@link IdVersionIndex}): the local store answers any other filter by reading the whole
 * collection, so the usual one-write form ({@code _id} and {@code version $lt}, upserted) made every
 * member event cost a scan of the province's roster. Here: read the stored version by {@code _id};
 * insert if there is none; else compare-and-set on the version read. A concurrent writer makes the
 * insert collide or the compare-and-set miss, and the read is done again.
 */
public final class NewerWins {

    private static final String VERSION = "version";
    private static final int ATTEMPTS = 10;

    private NewerWins() {}

    /** The unique {@code (_id, version)} index the compare-and-set is found by ({@link IdVersionIndex}). */
    public static void prepare(MongoCollection<Document> collection) {
        IdVersionIndex.ensure(collection);
    }

    /**
     * Sets {@code fields} (which must hold {@code version}) on the document {@code id} if its stored
     * version is lower, or inserts it if absent. Returns false when the stored one was as new or newer.
     */
    public static boolean write(MongoCollection<Document> collection, Object id, Document fields) {
        return write(collection, id, fields, new Document());
    }

    /** {@link #write} that also sets {@code onInsert} when the document is new (a first-seen date). */
    public static boolean write(MongoCollection<Document> collection, Object id, Document fields, Document onInsert) {
        Object incoming = fields.get(VERSION);
        if (!(incoming instanceof Number version)) {
            throw new IllegalArgumentException("the fields of a newer-wins write need a numeric version");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document stored = collection
                    .find(Filters.eq("_id", id))
                    .projection(Projections.include(VERSION))
                    .first();
            if (stored == null) {
                Document document = new Document("_id", id);
                document.putAll(onInsert);
                document.putAll(fields);
                try {
                    collection.insertOne(document);
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // stored meanwhile: compare with it
                }
            }
            Object current = stored.get(VERSION);
            if (current instanceof Number n && n.longValue() >= version.longValue()) {
                return false;
            }
            // A flat filter, not Filters.and (which the driver sends as $and, a key no index has).
            if (collection
                            .updateOne(new Document("_id", id).append(VERSION, current), new Document("$set", fields))
                            .getMatchedCount()
                    == 1) {
                return true;
            }
        }
        throw new IllegalStateException("newer-wins write of " + id + " kept losing to concurrent writers");
    }
}
