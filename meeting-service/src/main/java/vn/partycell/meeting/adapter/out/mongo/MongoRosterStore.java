package vn.partycell.meeting.adapter.out.mongo;

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
import vn.partycell.meeting.application.RosterStore;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The read model in MongoDB. "Newer wins" is one conditional upsert: it matches only a stored
 * version lower than the incoming one, so an equal or newer document makes the upsert collide on
 * {@code _id} and nothing is written. The applied event id is kept with the state it produced.
 */
@Repository
public class MongoRosterStore implements RosterStore {

    static final String ROSTER = "roster_members";
    static final String CELLS = "cells";

    private final MongoTemplate mongo;

    public MongoRosterStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(ROSTER).createIndex(Indexes.ascending("cellId"), new IndexOptions());
        mongo.getCollection(CELLS).createIndex(Indexes.ascending("orgPath"), new IndexOptions());
    }

    @Override
    public boolean saveIfNewer(RosterMember m, String eventId) {
        Update update = new Update()
                .set("cellId", m.cellId().toString())
                .set(
                        "partyGroupId",
                        m.partyGroupId() == null ? null : m.partyGroupId().toString())
                .set("orgPath", m.orgPath().value())
                .set("fullName", m.fullName())
                .set("status", m.status())
                .set("exempted", m.exempted())
                .set("version", m.version())
                .set("lastEventId", eventId);
        return upsertIfNewer(ROSTER, m.memberId(), m.version(), update);
    }

    @Override
    public boolean saveIfNewer(Cell c, String eventId) {
        Update update = new Update()
                .set("code", c.code())
                .set("name", c.name())
                .set("kind", c.kind())
                .set("parentId", c.parentId() == null ? null : c.parentId().toString())
                .set("orgPath", c.orgPath().value())
                .set("version", c.version())
                .set("lastEventId", eventId);
        return upsertIfNewer(CELLS, c.id(), c.version(), update);
    }

    private boolean upsertIfNewer(String collection, UUID id, long version, Update update) {
        Query query = Query.query(
                Criteria.where("_id").is(id.toString()).and("version").lt(version));
        try {
            mongo.upsert(query, update, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Cell> cell(UUID id) {
        Document d = mongo.getCollection(CELLS)
                .find(new Document("_id", id.toString()))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        String parent = d.getString("parentId");
        return Optional.of(new Cell(
                id,
                d.getString("code"),
                d.getString("name"),
                d.getString("kind"),
                parent == null ? null : UUID.fromString(parent),
                OrgPath.of(d.getString("orgPath")),
                d.get("version", Number.class).longValue()));
    }

    @Override
    public List<RosterMember> roster(UUID cellId) {
        Query query =
                Query.query(Criteria.where("cellId").is(cellId.toString())).with(Sort.by("fullName"));
        return mongo.find(query, Document.class, ROSTER).stream()
                .map(MongoRosterStore::member)
                .toList();
    }

    private static RosterMember member(Document d) {
        String group = d.getString("partyGroupId");
        return new RosterMember(
                UUID.fromString(d.getString("_id")),
                UUID.fromString(d.getString("cellId")),
                group == null ? null : UUID.fromString(group),
                OrgPath.of(d.getString("orgPath")),
                d.getString("fullName"),
                d.getString("status"),
                Boolean.TRUE.equals(d.getBoolean("exempted")),
                d.get("version", Number.class).longValue());
    }
}
