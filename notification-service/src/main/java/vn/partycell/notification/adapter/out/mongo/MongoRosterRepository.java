package vn.partycell.notification.adapter.out.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.RosterRepository;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.NewerWins;

/**
 * The roster read model in MongoDB. "Newer wins" ({@link NewerWins}): a snapshot is written only
 * over a lower stored version, by unique keys alone, so an equal or newer document is left as it
 * is. The applied event id is kept with the state it produced.
 */
@Repository
public class MongoRosterRepository implements RosterRepository {

    static final String ROSTER = "roster_members";

    private final MongoTemplate mongo;

    public MongoRosterRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(ROSTER).createIndex(Indexes.ascending("cellId"), new IndexOptions());
        NewerWins.prepare(mongo.getCollection(ROSTER));
    }

    @Override
    public boolean saveIfNewer(RosterMember m, String eventId) {
        Update update = new Update()
                .set("cellId", m.cellId() == null ? null : m.cellId().value().toString())
                .set("orgPath", m.orgPath().value())
                .set("fullName", m.fullName())
                .set("email", m.email())
                .set("status", m.status().name())
                .set("version", m.version())
                .set("lastEventId", eventId);
        // Newer wins by unique keys only: a member event never scans the province's roster.
        return NewerWins.write(
                mongo.getCollection(ROSTER),
                m.memberId().value().toString(),
                update.getUpdateObject().get("$set", Document.class));
    }

    @Override
    public List<RosterMember> roster(CellId cellId) {
        Query query = Query.query(Criteria.where("cellId").is(cellId.value().toString()))
                .with(Sort.by("fullName", "_id"));
        return mongo.find(query, Document.class, ROSTER).stream()
                .map(MongoRosterRepository::member)
                .toList();
    }

    @Override
    public Optional<RosterMember> member(MemberId memberId) {
        return Optional.ofNullable(mongo.getCollection(ROSTER)
                        .find(new Document("_id", memberId.value().toString()))
                        .first())
                .map(MongoRosterRepository::member);
    }

    private static RosterMember member(Document d) {
        return new RosterMember(
                MemberId.of(d.getString("_id")),
                CellId.of(d.getString("cellId")),
                OrgPath.of(d.getString("orgPath")),
                d.getString("fullName"),
                d.getString("email"),
                MemberStatus.valueOf(d.getString("status")),
                d.get("version", Number.class).longValue());
    }
}
