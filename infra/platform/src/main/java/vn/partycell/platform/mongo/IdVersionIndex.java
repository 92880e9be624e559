package vn.partycell.platform.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * A unique index on {@code (_id, version)}: trivially unique, and useless to real MongoDB, which
 * finds a {@code {_id, version}} filter by {@code _id}. The local store, though, answers a filter
 * from an index only when the filter's keys are exactly a unique index's, so without it every
 * optimistic-lock write ({@code _id} and the version read) reads the whole collection: 15 ms per write
 * on 50,000 documents against 0.7 ms with it.
 */
public final class IdVersionIndex {

    public static final String NAME = "_id_version";

    private IdVersionIndex() {}

    /** Creates the index if it is missing. */
    public static void ensure(MongoCollection<Document> collection) {
        collection.createIndex(
                Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name(NAME));
    }
}
