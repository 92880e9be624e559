package vn.partycell.evaluation.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.evaluation.application.ScorecardRepository;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.Figure;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RecordedAfterwards;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.evaluation.domain.Tally;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Scorecards in MongoDB, one document per member and year ({@code _id} "memberId:year"). The
 * document is a pure function of the meetings it holds (each with the approved amendments applied
 * to it): the entries in chronological order, plus
 * the totals and absence months derived from them (stored so lists can filter and sort on them).
 * Nothing in it comes from the clock, so a replay rebuilds it byte for byte.
 *
 * <p>Writes are single-document and conditional (mongo-java-server has no transactions): insert
 * when none is stored (a duplicate key means another write came first), otherwise update only
 * the version read ({@code version}: meetings plus amendments applied, see {@link Scorecard#version()}),
 * and for a meeting being added, not yet holding it. The events
 * the scorecard decided ride in the same write, in the document's outbox ({@link OutboxStore}):
 * the update sets the scorecard's fields and appends to the outbox rather than replacing the whole
 * document, which would drop (or bring back) events the relay is publishing.
 */
@Repository
public class MongoScorecardRepository implements ScorecardRepository {

    static final String SCORECARDS = "scorecards";
    static final String CELLS = "cells";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxEventMapper<ScorecardEvent> events;

    public MongoScorecardRepository(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<ScorecardEvent> events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
        mongo.getCollection(SCORECARDS)
                .createIndex(
                        Indexes.compoundIndex(
                                Indexes.ascending("cellId", "year"), Indexes.descending("unexcusedAbsenceMonthCount")),
                        new IndexOptions());
    }

    static String id(MemberId memberId, int year) {
        return memberId + ":" + year;
    }

    @Override
    public Optional<Scorecard> find(MemberId memberId, int year) {
        Document d = mongo.getCollection(SCORECARDS)
                .find(eq("_id", id(memberId, year)))
                .first();
        return Optional.ofNullable(d).map(MongoScorecardRepository::scorecard);
    }

    @Override
    public Map<MemberId, Scorecard> findAll(Collection<MemberId> memberIds, int year) {
        List<String> ids = memberIds.stream().map(m -> id(m, year)).toList();
        Map<MemberId, Scorecard> found = new HashMap<>();
        for (Document d : mongo.getCollection(SCORECARDS).find(in("_id", ids))) {
            Scorecard scorecard = scorecard(d);
            found.put(scorecard.memberId(), scorecard);
        }
        return found;
    }

    /**
     * One unordered bulk of conditional inserts and updates. The bulk result does not say which
     * update matched, so when fewer applied than were sent, a re-read finds the members whose
     * scorecard still lacks the meeting: those lost a race (their events were not written either)
     * and are retried by the caller.
     */
    @Override
    public List<MemberId> replaceAll(List<Replacement> replacements) {
        List<WriteModel<Document>> models = new ArrayList<>();
        List<Object> written = new ArrayList<>();
        for (Replacement r : replacements) {
            Document document = document(r.next());
            List<OutboxEvent> outboxEvents = outboxEvents(r.change());
            if (!outboxEvents.isEmpty()) {
                written.add(document.get("_id"));
            }
            if (r.storedVersion() == 0) {
                models.add(new InsertOneModel<>(OutboxStore.withEvents(document, outboxEvents)));
            } else {
                models.add(new UpdateOneModel<>(
                        sameVersion(document, r.storedVersion(), r.addedMeeting()),
                        OutboxStore.updateWithEvents(document, outboxEvents)));
            }
        }
        int applied;
        try {
            BulkWriteResult result =
                    mongo.getCollection(SCORECARDS).bulkWrite(models, new BulkWriteOptions().ordered(false));
            applied = result.getInsertedCount() + result.getMatchedCount();
        } catch (MongoBulkWriteException e) {
            applied = -1; // some inserts collided: find out which below
        }
        // Some of them may have lost a race; waking the relay for nothing costs one empty pass.
        outbox.eventsWritten(SCORECARDS, written);
        if (applied == replacements.size()) {
            return List.of();
        }
        int year = replacements.getFirst().next().year();
        Map<MemberId, Scorecard> now =
                findAll(replacements.stream().map(r -> r.next().memberId()).toList(), year);
        return replacements.stream()
                .filter(r -> {
                    Scorecard stored = now.get(r.next().memberId());
                    return stored == null || !stored.contains(r.addedMeeting());
                })
                .map(r -> r.next().memberId())
                .toList();
    }

    @Override
    public boolean replace(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting) {
        return write(change, storedVersion, addedMeeting);
    }

    @Override
    public boolean correct(Change<Scorecard, ScorecardEvent> change, int storedVersion) {
        return write(change, storedVersion, null);
    }

    private boolean write(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting) {
        Document document = document(change.state());
        List<OutboxEvent> outboxEvents = outboxEvents(change);
        if (storedVersion == 0) {
            try {
                mongo.execute(SCORECARDS, c -> c.insertOne(OutboxStore.withEvents(document, outboxEvents)));
            } catch (DuplicateKeyException e) {
                return false;
            }
            wake(document, outboxEvents);
            return true;
        }
        Bson filter = sameVersion(document, storedVersion, addedMeeting);
        Document update = OutboxStore.updateWithEvents(document, outboxEvents);
        UpdateResult result = mongo.execute(SCORECARDS, c -> c.updateOne(filter, update));
        if (result == null || result.getMatchedCount() != 1) {
            return false;
        }
        wake(document, outboxEvents);
        return true;
    }

    private void wake(Document document, List<OutboxEvent> outboxEvents) {
        if (!outboxEvents.isEmpty()) {
            outbox.eventsWritten(SCORECARDS, List.of(document.get("_id")));
        }
    }

    /**
     * The version that was read, and not yet holding the meeting being added (when one is). A
     * document written before amendments were applied has no {@code version}: its meeting count is
     * its version.
     */
    private static Bson sameVersion(Document document, int storedVersion, MeetingId addedMeeting) {
        Bson version =
                or(eq("version", storedVersion), and(exists("version", false), eq("meetingCount", storedVersion)));
        Bson id = eq("_id", document.getString("_id"));
        return addedMeeting == null
                ? and(id, version)
                : and(id, version, ne("meetings.meetingId", addedMeeting.toString()));
    }

    private List<OutboxEvent> outboxEvents(Change<Scorecard, ScorecardEvent> change) {
        return change.events().stream().map(events::toOutbox).toList();
    }

    @Override
    public boolean recordCell(CellId cellId, OrgPath orgPath, Instant startsAt, MeetingId meetingId) {
        Date at = Date.from(startsAt);
        String meeting = meetingId.toString();
        Bson olderThanThis = and(
                eq("_id", cellId.toString()),
                or(lt("latestStartsAt", at), and(eq("latestStartsAt", at), lt("latestMeetingId", meeting))));
        Document set = new Document(
                "$set",
                new Document("orgPath", orgPath.value())
                        .append("latestStartsAt", at)
                        .append("latestMeetingId", meeting));
        if (updated(olderThanThis, set)) {
            return true;
        }
        try {
            Document cell = new Document("_id", cellId.toString())
                    .append("orgPath", orgPath.value())
                    .append("latestStartsAt", at)
                    .append("latestMeetingId", meeting);
            mongo.execute(CELLS, c -> c.insertOne(cell));
            return true;
        } catch (DuplicateKeyException e) {
            // Stored meanwhile, or already as late as this meeting: only a later meeting replaces it.
            return updated(olderThanThis, set);
        }
    }

    private boolean updated(Bson filter, Document update) {
        UpdateResult result = mongo.execute(CELLS, c -> c.updateOne(filter, update));
        return result != null && result.getMatchedCount() == 1;
    }

    @Override
    public Optional<OrgPath> cellPath(CellId cellId) {
        Document d =
                mongo.getCollection(CELLS).find(eq("_id", cellId.toString())).first();
        return Optional.ofNullable(d).map(x -> OrgPath.of(x.getString("orgPath")));
    }

    @Override
    public ResultPage<Scorecard> withUnexcusedAbsenceMonths(CellId cellId, int year, int minMonths, PageQuery page) {
        Criteria criteria = Criteria.where("cellId")
                .is(cellId.toString())
                .and("year")
                .is(year)
                .and("unexcusedAbsenceMonthCount")
                .gte(minMonths);
        long total = mongo.count(Query.query(criteria), Document.class, SCORECARDS);
        if (page.offset() >= total) {
            return new ResultPage<>(List.of(), page, total);
        }
        // This list has one order; the page's sort (none is accepted at the API) is not applied.
        Query query = MongoPages.paged(
                Query.query(criteria),
                PageQuery.of(page.page(), page.size()),
                Map.of(),
                Sort.by(Sort.Order.desc("unexcusedAbsenceMonthCount"), Sort.Order.asc("memberId")));
        List<Scorecard> content = mongo.find(query, Document.class, SCORECARDS).stream()
                .map(MongoScorecardRepository::scorecard)
                .toList();
        return new ResultPage<>(content, page, total);
    }

    static Document document(Scorecard s) {
        Tally totals = s.totals();
        List<Integer> months = s.unexcusedAbsenceMonths();
        return new Document("_id", id(s.memberId(), s.year()))
                .append("memberId", s.memberId().toString())
                .append("year", s.year())
                .append("cellId", s.cellId().toString())
                .append("orgPath", s.orgPath().value())
                .append("meetingCount", s.meetings().size())
                .append("version", s.version())
                .append(
                        "totals",
                        new Document("attended", totals.count(Figure.ATTENDED))
                                .append("late", totals.count(Figure.LATE))
                                .append("excused", totals.count(Figure.EXCUSED))
                                .append("missed", totals.count(Figure.MISSED))
                                .append("spoke", totals.count(Figure.SPOKE)))
                .append("unexcusedAbsenceMonths", months)
                .append("unexcusedAbsenceMonthCount", months.size())
                .append(
                        "meetings",
                        s.meetings().stream()
                                .map(MongoScorecardRepository::entry)
                                .toList());
    }

    private static Document entry(MeetingEntry e) {
        Document entry = new Document("meetingId", e.meetingId().toString())
                .append("cellId", e.cellId().toString())
                .append("orgPath", e.orgPath().value())
                .append("kind", e.kind().name())
                .append("title", e.title())
                .append("startsAt", e.startsAt().toString())
                .append("month", e.month())
                .append("status", e.status().name())
                .append("spoke", e.spoke())
                .append(
                        "corrections",
                        e.corrections().stream()
                                .map(c -> new Document(
                                                "amendmentId", c.amendmentId().toString())
                                        .append("approvedAt", c.approvedAt().toString())
                                        .append("beforeStatus", c.beforeStatus().name())
                                        .append("beforeSpoke", c.beforeSpoke())
                                        .append("status", c.status().name())
                                        .append("spoke", c.spoke()))
                                .toList());
        if (e.recordedAfterwards() != null) {
            entry.append("recordedBy", e.recordedAfterwards().by())
                    .append("recordedAt", e.recordedAfterwards().at().toString());
        }
        return entry;
    }

    private static List<MeetingEntry.Correction> corrections(Document entry) {
        List<Document> stored = entry.getList("corrections", Document.class);
        if (stored == null) {
            return List.of();
        }
        return stored.stream()
                .map(c -> new MeetingEntry.Correction(
                        java.util.UUID.fromString(c.getString("amendmentId")),
                        Instant.parse(c.getString("approvedAt")),
                        AttendanceStatus.valueOf(c.getString("beforeStatus")),
                        c.getBoolean("beforeSpoke"),
                        AttendanceStatus.valueOf(c.getString("status")),
                        c.getBoolean("spoke")))
                .toList();
    }

    static Scorecard scorecard(Document d) {
        List<MeetingEntry> entries = d.getList("meetings", Document.class).stream()
                .map(e -> new MeetingEntry(
                        MeetingId.of(e.getString("meetingId")),
                        CellId.of(e.getString("cellId")),
                        OrgPath.of(e.getString("orgPath")),
                        MeetingKind.valueOf(e.getString("kind")),
                        e.getString("title"),
                        Instant.parse(e.getString("startsAt")),
                        e.getInteger("month"),
                        AttendanceStatus.valueOf(e.getString("status")),
                        e.getBoolean("spoke"),
                        corrections(e),
                        e.getString("recordedBy") == null
                                ? null
                                : new RecordedAfterwards(
                                        e.getString("recordedBy"), Instant.parse(e.getString("recordedAt")))))
                .toList();
        return new Scorecard(MemberId.of(d.getString("memberId")), d.getInteger("year"), entries);
    }
}
