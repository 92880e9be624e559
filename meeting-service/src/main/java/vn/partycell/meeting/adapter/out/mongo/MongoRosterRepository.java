package vn.partycell.meeting.adapter.out.mongo;

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
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.RosterRepository;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.NewerWins;

/**
 * The read model in MongoDB. "Newer wins" ({@link NewerWins}): a snapshot is written only over a
 * lower stored version, by unique keys alone, so an equal or newer document is left as it is. The
 * applied event id is kept with the state it produced.
 */
@Repository
public class MongoRosterRepository implements RosterRepository {

    static final String ROSTER = "roster_members";
    static final String CELLS = "cells";

    private final MongoTemplate mongo;

    public MongoRosterRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(ROSTER).createIndex(Indexes.ascending("cellId"), new IndexOptions());
        mongo.getCollection(CELLS).createIndex(Indexes.ascending("orgPath"), new IndexOptions());
        NewerWins.prepare(mongo.getCollection(ROSTER));
        NewerWins.prepare(mongo.getCollection(CELLS));
    }

    @Override
    public boolean saveIfNewer(RosterMember m, Occurrence occurrence) {
        Update update = new Update()
                .set("cellId", text(m.cellId()))
                .set("partyGroupId", text(m.partyGroupId()))
                .set("orgPath", m.orgPath().value())
                .set("fullName", m.fullName())
                .set("status", m.status().name())
                .set("exempted", m.exempted())
                .set("version", m.version())
                .set("lastEventId", occurrence.eventId());
        return upsertIfNewer(ROSTER, m.memberId().toString(), update);
    }

    @Override
    public boolean saveIfNewer(Cell c, Occurrence occurrence) {
        Update update = new Update()
                .set("code", c.code())
                .set("name", c.name())
                .set("kind", c.kind().name())
                .set("parentId", text(c.parentId()))
                .set("orgPath", c.orgPath().value())
                .set("version", c.version())
                .set("lastEventId", occurrence.eventId());
        return upsertIfNewer(CELLS, c.id().toString(), update);
    }

    /** Newer wins by unique keys only ({@link NewerWins}): a member event never scans the province's roster. */
    private boolean upsertIfNewer(String collection, String id, Update update) {
        return NewerWins.write(
                mongo.getCollection(collection), id, update.getUpdateObject().get("$set", Document.class));
    }

    @Override
    public Optional<Cell> cell(CellId id) {
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
                OrgUnitKind.valueOf(d.getString("kind")),
                parent == null ? null : OrgUnitId.of(parent),
                OrgPath.of(d.getString("orgPath")),
                d.get("version", Number.class).longValue()));
    }

    @Override
    public List<RosterMember> roster(CellId cellId) {
        Query query =
                Query.query(Criteria.where("cellId").is(cellId.toString())).with(Sort.by("fullName"));
        return mongo.find(query, Document.class, ROSTER).stream()
                .map(MongoRosterRepository::member)
                .toList();
    }

    private static RosterMember member(Document d) {
        String group = d.getString("partyGroupId");
        return new RosterMember(
                MemberId.of(d.getString("_id")),
                CellId.of(d.getString("cellId")),
                group == null ? null : OrgUnitId.of(group),
                OrgPath.of(d.getString("orgPath")),
                d.getString("fullName"),
                MemberStatus.valueOf(d.getString("status")),
                Boolean.TRUE.equals(d.getBoolean("exempted")),
                d.get("version", Number.class).longValue());
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }
}
