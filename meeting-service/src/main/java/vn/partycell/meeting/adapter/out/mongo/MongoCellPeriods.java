package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.CellPeriods;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodGrade;

/**
 * Per-cell, per-period facts ({@code cell_periods}), one document per cell and period under the
 * unique key {@code <cellId>:<period>} ({@code …:2026-11}, {@code …:2026-Q4}), so every read is an
 * {@code _id} lookup (the local store ignores non-unique indexes). Counting a meeting is one
 * conditional upsert: it matches only a document that does not list the meeting yet, pushes its id
 * and increments the counters in the same write; a document that lists it makes the upsert collide
 * on {@code _id}, and nothing is counted twice. Each counted meeting's own facts are kept beside the
 * counters ({@code facts.<meetingId>}), so an approved amendment (its id in {@code amendments}) moves
 * them once and a cancelled meeting is taken off exactly; the superior's grades are kept per meeting
 * ({@code grades.<meetingId>}, the latest revision), the period's grade being the lowest of them.
 */
@Repository
public class MongoCellPeriods implements CellPeriods {

    static final String COLLECTION = "cell_periods";

    private final MongoTemplate mongo;

    public MongoCellPeriods(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(CellId cell, Period period) {
        return cell + ":" + period.key();
    }

    @Override
    public boolean add(ClosedMeetingFacts m, Period period) {
        Query query = Query.query(Criteria.where("_id")
                .is(id(m.cellId(), period))
                .and("meetings")
                .ne(m.meetingId().toString()));
        Update update = new Update()
                .setOnInsert("cellId", m.cellId().toString())
                .setOnInsert("period", period.key())
                .push("meetings", m.meetingId().toString())
                .inc("closed", 1)
                .inc("regular", m.kind() == MeetingKind.REGULAR ? 1 : 0)
                .inc("thematic", m.kind() == MeetingKind.THEMATIC ? 1 : 0)
                .inc("expected", m.expected())
                .inc("attended", m.attended())
                .inc("speakers", m.speakers())
                .set(
                        "facts." + m.meetingId(),
                        new Document("kind", m.kind().name())
                                .append("expected", m.expected())
                                .append("attended", m.attended())
                                .append("speakers", m.speakers()));
        try {
            mongo.upsert(query, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * One conditional update: only a document that counts the meeting and has not applied the
     * amendment; the amendment id is pushed with the counters moved, in the same write.
     */
    @Override
    public boolean amend(AmendedMeetingFacts a, Period period) {
        String meeting = a.meetingId().toString();
        Query query = Query.query(Criteria.where("_id")
                .is(id(a.cellId(), period))
                .and("meetings")
                .is(meeting)
                .and("amendments")
                .ne(a.amendmentId().toString()));
        Update update = new Update()
                .push("amendments", a.amendmentId().toString())
                .inc("attended", a.attendedDelta())
                .inc("speakers", a.speakersDelta())
                .inc("facts." + meeting + ".attended", a.attendedDelta())
                .inc("facts." + meeting + ".speakers", a.speakersDelta());
        return mongo.updateFirst(query, update, COLLECTION).getMatchedCount() == 1;
    }

    /**
     * Takes the meeting's own facts (as amended) off the counters, conditional on the document still
     * counting it; a period written before the per-meeting facts were kept cannot be un-counted.
     */
    @Override
    public boolean remove(MeetingId meetingId, CellId cellId, Period period) {
        String meeting = meetingId.toString();
        Query counting = Query.query(
                Criteria.where("_id").is(id(cellId, period)).and("meetings").is(meeting));
        Document d = mongo.findOne(counting, Document.class, COLLECTION);
        Document facts = d == null || d.get("facts") == null
                ? null
                : d.get("facts", Document.class).get(meeting, Document.class);
        if (facts == null || facts.getString("kind") == null) {
            return false; // counted before the per-meeting facts were kept (an amendment alone leaves no kind)
        }
        MeetingKind kind = MeetingKind.valueOf(facts.getString("kind"));
        Update update = new Update()
                .pull("meetings", meeting)
                .unset("facts." + meeting)
                .unset("grades." + meeting)
                .inc("closed", -1)
                .inc("regular", kind == MeetingKind.REGULAR ? -1 : 0)
                .inc("thematic", kind == MeetingKind.THEMATIC ? -1 : 0)
                .inc("expected", -number(facts, "expected"))
                .inc("attended", -number(facts, "attended"))
                .inc("speakers", -number(facts, "speakers"));
        return mongo.updateFirst(counting, update, COLLECTION).getMatchedCount() == 1;
    }

    /**
     * One conditional upsert, as for counting a meeting: it matches only a document whose entry for
     * the meeting's grade is missing or older; a newer or equal one makes the upsert collide on _id.
     */
    @Override
    public boolean grade(PeriodGrade g, Period period) {
        String field = "grades." + g.meetingId();
        Query olderOrNone = Query.query(Criteria.where("_id")
                .is(id(g.cellId(), period))
                .and(field + ".revision")
                .not()
                .gte(g.revision()));
        Update update = new Update()
                .setOnInsert("cellId", g.cellId().toString())
                .setOnInsert("period", period.key())
                .set(
                        field,
                        new Document("revision", g.revision())
                                .append("grade", g.grade())
                                .append("rank", g.rank()));
        try {
            mongo.upsert(olderOrNone, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Map<CellId, CellPeriodFacts> find(Collection<CellId> cells, Period period) {
        List<String> ids = new ArrayList<>(cells.size());
        cells.forEach(c -> ids.add(id(c, period)));
        Map<CellId, CellPeriodFacts> found = new HashMap<>();
        mongo.getCollection(COLLECTION).find(Filters.in("_id", ids)).forEach(d -> {
            CellId cell = CellId.of(d.getString("cellId"));
            found.put(cell, facts(cell, period, d));
        });
        return found;
    }

    private static CellPeriodFacts facts(CellId cell, Period period, Document d) {
        Document lowest = lowestGrade(d);
        return new CellPeriodFacts(
                cell,
                period,
                number(d, "regular"),
                number(d, "thematic"),
                number(d, "closed"),
                longNumber(d, "expected"),
                longNumber(d, "attended"),
                longNumber(d, "speakers"),
                lowest == null ? null : lowest.getString("grade"),
                lowest == null ? null : number(lowest, "rank"));
    }

    /** The lowest grade in force among the period's graded meetings (highest rank), or null. */
    private static Document lowestGrade(Document d) {
        Document grades = d.get("grades", Document.class);
        if (grades == null) {
            return null;
        }
        Document lowest = null;
        for (Object value : grades.values()) {
            if (value instanceof Document g && (lowest == null || number(g, "rank") > number(lowest, "rank"))) {
                lowest = g;
            }
        }
        return lowest;
    }

    private static int number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.intValue();
    }

    private static long longNumber(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
