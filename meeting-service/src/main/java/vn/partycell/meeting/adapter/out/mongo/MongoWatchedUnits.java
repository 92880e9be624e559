package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.WatchedUnits;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.mongo.NewerWins;

/**
 * The org nodes of the compliance watch ({@code compliance_units}): "newer wins" is one conditional
 * upsert on {@code _id} and version (as for the roster); {@code since} is set on insert only unless
 * it is the node's founding date, which every newer snapshot writes. Cells
 * are read in id order under a path prefix; real MongoDB serves that from the
 * {@code kind, dissolvedOn, orgPath} index (the local store scans, see the compliance benchmark).
 */
@Repository
public class MongoWatchedUnits implements WatchedUnits {

    static final String COLLECTION = "compliance_units";

    private final MongoTemplate mongo;

    public MongoWatchedUnits(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("orgPath"));
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("kind", "dissolvedOn", "orgPath", "_id"));
        NewerWins.prepare(mongo.getCollection(COLLECTION));
    }

    @Override
    public boolean saveIfNewer(WatchedUnit u, Occurrence occurrence) {
        Update update = new Update()
                .set("kind", u.kind().name())
                .set("code", u.code())
                .set("name", u.name())
                .set("parentId", text(u.parentId()))
                .set("orgPath", u.orgPath().value())
                .set("dissolvedOn", text(u.dissolvedOn()))
                .set("version", u.version())
                .set("lastEventId", occurrence.eventId());
        Document fields = update.getUpdateObject().get("$set", Document.class);
        Document onInsert = new Document();
        // Newer wins by unique keys only. A founding date replaces "since" (a node first heard of
        // before events carried it gets it with its next event); a first-heard-of day is set on insert only.
        if (u.established()) {
            fields.append("since", u.since().toString()).append("established", true);
        } else {
            onInsert.append("since", u.since().toString());
        }
        return NewerWins.write(mongo.getCollection(COLLECTION), u.id().toString(), fields, onInsert);
    }

    @Override
    public Optional<WatchedUnit> find(OrgUnitId id) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                        .find(new Document("_id", id.toString()))
                        .first())
                .map(MongoWatchedUnits::unit);
    }

    @Override
    public List<WatchedUnit> liveCells(OrgPath under, OrgUnitId afterId, int limit) {
        List<Bson> filters =
                new ArrayList<>(List.of(Filters.eq("kind", OrgUnitKind.CELL.name()), Filters.eq("dissolvedOn", null)));
        if (!under.equals(OrgPath.ROOT)) {
            filters.add(Filters.regex("orgPath", "^" + Pattern.quote(under.value())));
        }
        if (afterId != null) {
            filters.add(Filters.gt("_id", afterId.toString()));
        }
        List<WatchedUnit> cells = new ArrayList<>(limit);
        mongo.getCollection(COLLECTION)
                .find(Filters.and(filters))
                .sort(Indexes.ascending("_id"))
                .limit(limit)
                .forEach(d -> cells.add(unit(d)));
        return cells;
    }

    static WatchedUnit unit(Document d) {
        String parent = d.getString("parentId");
        String dissolved = d.getString("dissolvedOn");
        return new WatchedUnit(
                OrgUnitId.of(d.getString("_id")),
                parent == null ? null : OrgUnitId.of(parent),
                OrgUnitKind.valueOf(d.getString("kind")),
                d.getString("code"),
                d.getString("name"),
                OrgPath.of(d.getString("orgPath")),
                LocalDate.parse(d.getString("since")),
                dissolved == null ? null : LocalDate.parse(dissolved),
                d.get("version", Number.class).longValue(),
                d.getBoolean("established", false));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
