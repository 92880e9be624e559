package vn.partycell.evaluation.adapter.out.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.evaluation.application.CellGrades;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.GradedMeeting;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The superior's grades per cell and month ({@code cell_grades}), one document under the unique key
 * {@code <cellId>:<yyyy-MM>} holding the grade in force of each meeting ({@code meetings.<meetingId>}),
 * so a month, a quarter or a year of a cell is read by {@code _id} (the local store ignores
 * non-unique indexes). Recording is one conditional upsert: it matches only a document whose entry
 * for the meeting is missing or of an older revision; a document holding this revision or a newer
 * one makes the upsert collide on {@code _id}, and nothing changes. Nothing comes from the clock, so
 * a replay rebuilds the same documents.
 */
@Repository
public class MongoCellGrades implements CellGrades {

    static final String COLLECTION = "cell_grades";

    private final MongoTemplate mongo;

    public MongoCellGrades(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(CellId cellId, String period) {
        return cellId + ":" + period;
    }

    @Override
    public boolean record(GradedMeeting g) {
        String field = "meetings." + g.meetingId();
        Query olderOrNone = Query.query(Criteria.where("_id")
                .is(id(g.cellId(), g.period()))
                .and(field + ".revision")
                .not()
                .gte(g.revision()));
        Update update = new Update()
                .setOnInsert("cellId", g.cellId().toString())
                .setOnInsert("period", g.period())
                .set("orgPath", g.orgPath().value())
                .set(
                        field,
                        new Document("revision", g.revision())
                                .append("grade", g.grade())
                                .append("label", g.label())
                                .append("scale", g.scale())
                                .append("rank", g.rank())
                                .append("attended", g.attended())
                                .append("gradedAt", g.gradedAt().toString()));
        try {
            mongo.upsert(olderOrNone, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public List<GradedMeeting> inMonth(CellId cellId, int year, int month) {
        String period = "%04d-%02d".formatted(year, month);
        Document d = mongo.getCollection(COLLECTION)
                .find(new Document("_id", id(cellId, period)))
                .first();
        List<GradedMeeting> grades = new ArrayList<>();
        if (d == null) {
            return grades;
        }
        Document meetings = d.get("meetings", Document.class);
        OrgPath orgPath = OrgPath.of(d.getString("orgPath"));
        meetings.keySet().stream().sorted().forEach(meetingId -> {
            Document m = meetings.get(meetingId, Document.class);
            grades.add(new GradedMeeting(
                    MeetingId.of(meetingId),
                    cellId,
                    orgPath,
                    year,
                    month,
                    m.getInteger("revision"),
                    m.getString("grade"),
                    m.getString("label"),
                    m.getList("scale", String.class),
                    m.getBoolean("attended"),
                    Instant.parse(m.getString("gradedAt"))));
        });
        return grades;
    }
}
