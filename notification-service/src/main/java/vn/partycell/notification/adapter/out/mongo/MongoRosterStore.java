package vn.partycell.notification.adapter.out.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.RosterStore;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The roster read model in MongoDB. "Newer wins" is one conditional upsert: it matches only a
 * stored version lower than the incoming one, so an equal or newer document makes the upsert
 * collide on {@code _id} and nothing is written. The applied event id is kept with the state it
 * produced.
 */
@Repository
public class MongoRosterStore implements RosterStore {

    static final String ROSTER = "roster_members";

    private final MongoTemplate mongo;

    public MongoRosterStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(ROSTER).createIndex(Indexes.ascending("cellId"), new IndexOptions());
    }

    @Override
    public boolean saveIfNewer(RosterMember m, String eventId) {
        Update update = new Update()
                .set("cellId", m.cellId().toString())
                .set("orgPath", m.orgPath().value())
                .set("fullName", m.fullName())
                .set("email", m.email())
                .set("status", m.status())
                .set("version", m.version())
                .set("lastEventId", eventId);
        Query query = Query.query(
                Criteria.where("_id").is(m.memberId().toString()).and("version").lt(m.version()));
        try {
            mongo.upsert(query, update, ROSTER);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<RosterMember> roster(UUID cellId) {
        Query query =
                Query.query(Criteria.where("cellId").is(cellId.toString())).with(Sort.by("fullName", "_id"));
        return mongo.find(query, Document.class, ROSTER).stream()
                .map(MongoRosterStore::member)
                .toList();
    }

    @Override
    public Optional<RosterMember> member(UUID memberId) {
        return Optional.ofNullable(mongo.getCollection(ROSTER)
                        .find(new Document("_id", memberId.toString()))
                        .first())
                .map(MongoRosterStore::member);
    }

    private static RosterMember member(Document d) {
        return new RosterMember(
                UUID.fromString(d.getString("_id")),
                UUID.fromString(d.getString("cellId")),
                OrgPath.of(d.getString("orgPath")),
                d.getString("fullName"),
                d.getString("email"),
                d.getString("status"),
                d.get("version", Number.class).longValue());
    }
}
