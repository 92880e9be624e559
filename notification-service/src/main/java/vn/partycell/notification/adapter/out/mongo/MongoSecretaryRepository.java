package vn.partycell.notification.adapter.out.mongo;

import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.SecretaryRepository;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.SecretaryHolding;

/**
 * The secretary of each org node ({@code secretaries}, one document per node): "newer wins" is one
 * conditional upsert on the node's version, as for the roster. An ended assignment clears the
 * holder only if it is the assignment stored (an older one ending changes nothing).
 */
@Repository
public class MongoSecretaryRepository implements SecretaryRepository {

    static final String COLLECTION = "secretaries";

    private final MongoTemplate mongo;

    public MongoSecretaryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean saveIfNewer(SecretaryHolding h, String eventId) {
        Criteria match =
                Criteria.where("_id").is(h.unitId().toString()).and("version").lt(h.version());
        if (h.memberId() == null) {
            match = match.and("assignmentId").is(h.assignmentId());
        }
        Update update = new Update()
                .set(
                        "memberId",
                        h.memberId() == null ? null : h.memberId().value().toString())
                .set("assignmentId", h.assignmentId())
                .set("version", h.version())
                .set("lastEventId", eventId);
        try {
            mongo.upsert(Query.query(match), update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<MemberId> secretaryOf(OrgUnitId unitId) {
        Document d = mongo.getCollection(COLLECTION)
                .find(new Document("_id", unitId.toString()))
                .first();
        if (d == null || d.getString("memberId") == null) {
            return Optional.empty();
        }
        return Optional.of(new MemberId(UUID.fromString(d.getString("memberId"))));
    }
}
