package vn.partycell.meeting.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.adapter.out.events.CellTopics;
import vn.partycell.meeting.application.CompliancePolicy;
import vn.partycell.meeting.application.ComplianceProjection;
import vn.partycell.meeting.application.ComplianceQueries;
import vn.partycell.meeting.application.ComplianceWatch;
import vn.partycell.meeting.application.ComplianceWatchSettings;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.RosterUpdate;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodGrade;
import vn.partycell.meeting.domain.PeriodLength;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.outbox.MongoJobLease;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;
import vn.partycell.platform.test.InMemoryMongo;

/**
 * The compliance projection and the daily watch over the MongoDB wire protocol: meetings counted
 * once per period document, overdue facts recorded once with their event in the same document,
 * the lease keeping a second runner out, the year's policy deciding the periods.
 */
class ComplianceWatchOnMongoTest {

    /** 1 December 2026, 08:00 in Vietnam. */
    static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");

    MongoClient client;
    MongoTemplate mongo;
    MongoWatchedUnits units;
    MongoCellPeriods periods;
    MongoCellOverdues overdues;
    ComplianceProjection projection;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final OrgUnitId committee = new OrgUnitId(UUID.randomUUID());

    @BeforeEach
    void connect() {
        String db = "compliance-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        units = new MongoWatchedUnits(mongo);
        periods = new MongoCellPeriods(mongo);
        OutboundEvents outbound =
                new OutboundEvents("meeting-service", JsonMapper.builder().build(), clock);
        overdues = new MongoCellOverdues(mongo, new OutboxStore(mongo, null), new CellTopics(outbound));
        projection = new ComplianceProjection(units, periods);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    static CompliancePolicy policy(Map<Integer, CompliancePolicy.Year> years) {
        return new CompliancePolicy(
                new CompliancePolicy.Year(
                        Map.of(MeetingKind.REGULAR, PeriodLength.MONTH, MeetingKind.THEMATIC, PeriodLength.QUARTER)),
                years);
    }

    ComplianceWatch watch(CompliancePolicy policy) {
        return new ComplianceWatch(
                units,
                periods,
                overdues,
                new MongoJobLease(mongo, clock),
                policy,
                new ComplianceWatchSettings("0 30 1 * * *", Duration.ofMinutes(30), 2),
                clock);
    }

    WatchedUnit cell(String code, LocalDate since) {
        WatchedUnit unit = new WatchedUnit(
                new OrgUnitId(UUID.randomUUID()),
                committee,
                OrgUnitKind.CELL,
                code,
                "Chi bộ " + code,
                OrgPath.of("/hy/" + code + "/"),
                since,
                null,
                1);
        assertThat(projection.onOrgUnitChanged(
                        unit, new Occurrence(UUID.randomUUID().toString())))
                .isEqualTo(RosterUpdate.APPLIED);
        return unit;
    }

    static ClosedMeetingFacts meeting(WatchedUnit cell, MeetingKind kind, LocalDate day, int attended, int speakers) {
        return new ClosedMeetingFacts(MeetingId.random(), cell.cellId(), kind, day, 5, attended, speakers);
    }

    List<Document> overdueDocuments() {
        return mongo.getCollection(MongoCellOverdues.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void aMeetingIsCountedOnceInItsMonthAndItsQuarter() {
        WatchedUnit a = cell("cb-a", LocalDate.of(2020, 1, 1));
        ClosedMeetingFacts november = meeting(a, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3);
        ClosedMeetingFacts thematic = meeting(a, MeetingKind.THEMATIC, LocalDate.of(2026, 11, 20), 5, 2);
        assertThat(projection.onMeetingClosed(november, new Occurrence("e1"))).isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onMeetingClosed(november, new Occurrence("e1"))).isEqualTo(RosterUpdate.ALREADY_CURRENT);
        assertThat(projection.onMeetingClosed(thematic, new Occurrence("e2"))).isEqualTo(RosterUpdate.APPLIED);

        var month = periods.find(List.of(a.cellId()), new Period(PeriodLength.MONTH, 2026, 11))
                .get(a.cellId());
        assertThat(month.closed()).isEqualTo(2);
        assertThat(month.regular()).isEqualTo(1);
        assertThat(month.thematic()).isEqualTo(1);
        assertThat(month.attendanceRate()).isEqualTo(0.9);
        assertThat(month.averageSpeakers()).isEqualTo(2.5);
        var quarter = periods.find(List.of(a.cellId()), new Period(PeriodLength.QUARTER, 2026, 4))
                .get(a.cellId());
        assertThat(quarter.closed()).isEqualTo(2);
        assertThat(periods.find(List.of(a.cellId()), new Period(PeriodLength.MONTH, 2026, 10)))
                .isEmpty();
    }

    @Test
    void theWatchRecordsEachOverdueCellKindAndPeriodOnceWithItsEvent() {
        WatchedUnit met = cell("cb-a", LocalDate.of(2020, 1, 1));
        WatchedUnit missed = cell("cb-b", LocalDate.of(2020, 1, 1));
        WatchedUnit young = cell("cb-c", LocalDate.of(2026, 11, 15));
        WatchedUnit missedToo = cell("cb-d", LocalDate.of(2026, 1, 1));
        WatchedUnit gone = cell("cb-e", LocalDate.of(2020, 1, 1));
        projection.onOrgUnitChanged(
                new WatchedUnit(
                        gone.id(),
                        committee,
                        OrgUnitKind.CELL,
                        "cb-e",
                        "Chi bộ cb-e",
                        gone.orgPath(),
                        LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 11, 30),
                        2),
                new Occurrence("dissolved"));
        projection.onMeetingClosed(
                meeting(met, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3), new Occurrence("m"));
        projection.onMeetingClosed(
                meeting(met, MeetingKind.THEMATIC, LocalDate.of(2026, 8, 5), 4, 3), new Occurrence("t"));

        ComplianceWatch.Run run = watch(policy(Map.of())).runToday();
        assertThat(run.ran()).isTrue();
        assertThat(run.periods()).containsExactly("REGULAR 2026-11", "THEMATIC 2026-Q3");
        // Batches of two: five live cells are read in three batches (the dissolved one is not).
        assertThat(run.cellsChecked()).isEqualTo(4);
        // missed and missedToo: no regular meeting in November, no thematic one in Q3.
        assertThat(run.published()).isEqualTo(4);
        assertThat(overdueDocuments())
                .extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder(
                        missed.id() + ":2026-11:REGULAR",
                        missed.id() + ":2026-Q3:THEMATIC",
                        missedToo.id() + ":2026-11:REGULAR",
                        missedToo.id() + ":2026-Q3:THEMATIC");
        overdueDocuments()
                .forEach(d -> assertThat(d.getList("outbox", Document.class)).hasSize(1));
        assertThat(overdueDocuments()
                        .getFirst()
                        .getList("outbox", Document.class)
                        .getFirst()
                        .toJson())
                .contains("meetings.cell.meeting-overdue");
        assertThat(young.since()).isAfter(new Period(PeriodLength.MONTH, 2026, 11).start());

        // Again (a rerun, another replica later): found again, published never again.
        ComplianceWatch.Run again = watch(policy(Map.of())).runToday();
        assertThat(again.overdue()).isEqualTo(4);
        assertThat(again.published()).isZero();
        assertThat(overdueDocuments()).hasSize(4);
        // Even past the pre-check, the insert itself refuses a second record of the fact.
        assertThat(overdues.record(new vn.partycell.meeting.domain.CellEvent.MeetingOverdue(
                        missed,
                        MeetingKind.REGULAR,
                        new Period(PeriodLength.MONTH, 2026, 11),
                        LocalDate.of(2026, 12, 2))))
                .isFalse();
    }

    @Test
    void oneRunnerAtATimeAndTheYearsPolicyDecidesThePeriods() {
        cell("cb-b", LocalDate.of(2020, 1, 1));
        MongoJobLease other = new MongoJobLease(mongo, clock);
        assertThat(other.tryHold("compliance-watch", Duration.ofMinutes(30))).isTrue();
        ComplianceWatch.Run blocked = watch(policy(Map.of())).runToday();
        assertThat(blocked.ran()).isFalse();
        assertThat(overdueDocuments()).isEmpty();
        other.release("compliance-watch");

        // A year whose guidance asks for a thematic meeting every month.
        CompliancePolicy monthly =
                policy(Map.of(2026, new CompliancePolicy.Year(Map.of(MeetingKind.THEMATIC, PeriodLength.MONTH))));
        ComplianceWatch.Run run = watch(monthly).runToday();
        assertThat(run.periods()).containsExactly("REGULAR 2026-11", "THEMATIC 2026-11");
        assertThat(run.published()).isEqualTo(2);
        assertThat(monthly.requiredIn(2026, PeriodLength.MONTH))
                .containsExactly(MeetingKind.REGULAR, MeetingKind.THEMATIC);
        assertThat(monthly.requiredIn(2027, PeriodLength.QUARTER)).containsExactly(MeetingKind.THEMATIC);
    }

    @Test
    void anOperatorsRunNeedsAnAdminOverTheWholeTreeAndNoFutureDay() {
        ComplianceWatch watch = watch(policy(Map.of()));
        Caller superior = new Caller("hu", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/"), Role.SUPERIOR)));
        assertThatThrownBy(() -> watch.runFor(superior, null)).isInstanceOf(NotFoundException.class);
        Caller member = new Caller("dv", Optional.empty(), List.of(new Grant(OrgPath.ROOT, Role.MEMBER)));
        assertThatThrownBy(() -> watch.runFor(member, null)).isInstanceOf(ForbiddenException.class);
        Caller admin = new Caller("ad", Optional.empty(), List.of(new Grant(OrgPath.ROOT, Role.ADMIN)));
        assertThatThrownBy(() -> watch.runFor(admin, LocalDate.of(2026, 12, 2)))
                .isInstanceOf(vn.partycell.platform.kernel.InvalidInputException.class);
        assertThat(watch.runFor(admin, LocalDate.of(2026, 11, 1)).periods())
                .containsExactly("REGULAR 2026-10", "THEMATIC 2026-Q3");
    }

    @Test
    void theUnitReadModelKeepsTheFirstDayAndNewerSnapshotsWin() {
        WatchedUnit a = cell("cb-a", LocalDate.of(2026, 3, 1));
        WatchedUnit renamed = new WatchedUnit(
                a.id(),
                committee,
                OrgUnitKind.CELL,
                "cb-a",
                "Chi bộ An mới",
                a.orgPath(),
                LocalDate.of(2026, 6, 1),
                null,
                2);
        assertThat(units.saveIfNewer(renamed, new Occurrence("r"))).isTrue();
        assertThat(units.saveIfNewer(a, new Occurrence("old"))).isFalse();
        WatchedUnit stored = units.find(a.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Chi bộ An mới");
        assertThat(stored.since()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(units.liveCells(OrgPath.of("/hy/"), null, 10)).hasSize(1);
        assertThat(units.liveCells(OrgPath.of("/other/"), null, 10)).isEmpty();
        assertThat(new CellId(a.id().value())).isEqualTo(stored.cellId());
    }

    /** The snapshot member-service's events give: {@code since} its founding date, or the day first heard of. */
    WatchedUnit snapshot(WatchedUnit unit, LocalDate since, boolean established, long version) {
        return new WatchedUnit(
                unit.id(),
                unit.parentId(),
                unit.kind(),
                unit.code(),
                unit.name(),
                unit.orgPath(),
                since,
                null,
                version,
                established);
    }

    @Test
    void aFoundingDateReplacesTheFirstDayWithTheNextNewerSnapshotAndAFirstDayNeverDoes() {
        WatchedUnit a = cell("cb-a", LocalDate.of(2026, 11, 20));
        LocalDate founded = LocalDate.of(2015, 7, 1);

        assertThat(units.saveIfNewer(snapshot(a, founded, true, 2), new Occurrence("renamed")))
                .isTrue();
        assertThat(units.find(a.id())).hasValueSatisfying(u -> {
            assertThat(u.since()).isEqualTo(founded);
            assertThat(u.established()).isTrue();
        });
        // Older never wins, even with a founding date; a later first-heard-of day keeps the founding date.
        assertThat(units.saveIfNewer(snapshot(a, LocalDate.of(2010, 1, 1), true, 2), new Occurrence("again")))
                .isFalse();
        assertThat(units.saveIfNewer(snapshot(a, LocalDate.of(2026, 12, 1), false, 3), new Occurrence("old-kind")))
                .isTrue();
        assertThat(units.find(a.id())).hasValueSatisfying(u -> {
            assertThat(u.since()).isEqualTo(founded);
            assertThat(u.version()).isEqualTo(3);
        });
    }

    @Test
    void aCellFoundedLongAgoButFirstHeardOfTodayIsOverdueForLastMonth() {
        // Both heard of today (1 December 2026); one was founded in 2015, the other has no founding date.
        WatchedUnit old = snapshot(cell("cb-old", LocalDate.of(2026, 12, 1)), LocalDate.of(2015, 7, 1), true, 2);
        assertThat(units.saveIfNewer(old, new Occurrence("founded"))).isTrue();
        WatchedUnit unknown = cell("cb-new", LocalDate.of(2026, 12, 1));

        ComplianceWatch.Run run = watch(policy(Map.of())).runToday();

        assertThat(run.periods()).containsExactly("REGULAR 2026-11", "THEMATIC 2026-Q3");
        assertThat(overdueDocuments())
                .extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder(old.id() + ":2026-11:REGULAR", old.id() + ":2026-Q3:THEMATIC")
                .noneMatch(id -> id.startsWith(unknown.id().toString()));
    }

    @Test
    void anApprovedAmendmentMovesItsMeetingsFactsOnceInMonthAndQuarter() {
        WatchedUnit a = cell("cb-a", LocalDate.of(2020, 1, 1));
        ClosedMeetingFacts november = meeting(a, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 3, 2);
        projection.onMeetingClosed(november, new Occurrence("closed"));
        // Two absentees were present after all, one of whom spoke.
        AmendedMeetingFacts amendment = new AmendedMeetingFacts(
                november.meetingId(), a.cellId(), UUID.randomUUID(), LocalDate.of(2026, 11, 5), 2, 1);
        assertThat(projection.onMeetingAmended(amendment, new Occurrence("amended")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onMeetingAmended(amendment, new Occurrence("amended")))
                .isEqualTo(RosterUpdate.NOT_KEPT);
        for (Period period :
                List.of(new Period(PeriodLength.MONTH, 2026, 11), new Period(PeriodLength.QUARTER, 2026, 4))) {
            var facts = periods.find(List.of(a.cellId()), period).get(a.cellId());
            assertThat(facts.attended()).as(period.key()).isEqualTo(5);
            assertThat(facts.expected()).as(period.key()).isEqualTo(5);
            assertThat(facts.attendanceRate()).as(period.key()).isEqualTo(1.0);
            assertThat(facts.speakers()).as(period.key()).isEqualTo(3);
        }
        // An amendment of a meeting no period counts changes nothing.
        AmendedMeetingFacts stray = new AmendedMeetingFacts(
                MeetingId.random(), a.cellId(), UUID.randomUUID(), LocalDate.of(2026, 11, 6), 1, 0);
        assertThat(projection.onMeetingAmended(stray, new Occurrence("stray"))).isEqualTo(RosterUpdate.NOT_KEPT);
        assertThat(periods.find(List.of(a.cellId()), new Period(PeriodLength.MONTH, 2026, 11))
                        .get(a.cellId())
                        .attended())
                .isEqualTo(5);
    }

    @Test
    void aCancelledMeetingIsUncountedWithItsAmendedFacts() {
        WatchedUnit a = cell("cb-a", LocalDate.of(2020, 1, 1));
        ClosedMeetingFacts kept = meeting(a, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3);
        ClosedMeetingFacts voided = meeting(a, MeetingKind.THEMATIC, LocalDate.of(2026, 11, 20), 2, 1);
        projection.onMeetingClosed(kept, new Occurrence("k"));
        projection.onMeetingClosed(voided, new Occurrence("v"));
        projection.onMeetingAmended(
                new AmendedMeetingFacts(
                        voided.meetingId(), a.cellId(), UUID.randomUUID(), LocalDate.of(2026, 11, 20), 1, 1),
                new Occurrence("a"));
        assertThat(projection.onMeetingCancelled(
                        voided.meetingId(), a.cellId(), LocalDate.of(2026, 11, 20), new Occurrence("c")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onMeetingCancelled(
                        voided.meetingId(), a.cellId(), LocalDate.of(2026, 11, 20), new Occurrence("c")))
                .isEqualTo(RosterUpdate.NOT_KEPT);
        for (Period period :
                List.of(new Period(PeriodLength.MONTH, 2026, 11), new Period(PeriodLength.QUARTER, 2026, 4))) {
            var facts = periods.find(List.of(a.cellId()), period).get(a.cellId());
            assertThat(facts.closed()).as(period.key()).isEqualTo(1);
            assertThat(facts.regular()).isEqualTo(1);
            assertThat(facts.thematic()).isZero();
            assertThat(facts.expected()).isEqualTo(5);
            assertThat(facts.attended()).isEqualTo(4);
            assertThat(facts.speakers()).isEqualTo(3);
        }
        // Counted again when its closed event is read again (a replay), and taken off again after it.
        assertThat(projection.onMeetingClosed(voided, new Occurrence("v"))).isEqualTo(RosterUpdate.APPLIED);
    }

    @Test
    void theSuperiorsGradesFillThePeriodTheLowestInForceAndTheListSortsByThem() {
        WatchedUnit top = new WatchedUnit(
                committee,
                null,
                OrgUnitKind.COMMITTEE,
                "hy",
                "Huyện ủy",
                OrgPath.of("/hy/"),
                LocalDate.of(2020, 1, 1),
                null,
                1);
        projection.onOrgUnitChanged(top, new Occurrence("top"));
        WatchedUnit good = cell("cb-a", LocalDate.of(2020, 1, 1));
        WatchedUnit poor = cell("cb-b", LocalDate.of(2020, 1, 1));
        WatchedUnit ungraded = cell("cb-c", LocalDate.of(2020, 1, 1));
        ClosedMeetingFacts goodMeeting = meeting(good, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3);
        ClosedMeetingFacts poorMeeting = meeting(poor, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3);
        ClosedMeetingFacts poorThematic = meeting(poor, MeetingKind.THEMATIC, LocalDate.of(2026, 11, 25), 4, 3);
        List.of(goodMeeting, poorMeeting, poorThematic)
                .forEach(m -> projection.onMeetingClosed(m, new Occurrence("c")));
        projection.onMeetingClosed(
                meeting(ungraded, MeetingKind.REGULAR, LocalDate.of(2026, 11, 5), 4, 3), new Occurrence("u"));
        assertThat(projection.onMeetingGraded(grade(goodMeeting, 1, "FAIR", 1), new Occurrence("g1")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onMeetingGraded(grade(goodMeeting, 2, "GOOD", 0), new Occurrence("g2")))
                .isEqualTo(RosterUpdate.APPLIED);
        // The first revision read again (a replay) leaves the correction in force.
        assertThat(projection.onMeetingGraded(grade(goodMeeting, 1, "FAIR", 1), new Occurrence("g1")))
                .isEqualTo(RosterUpdate.ALREADY_CURRENT);
        projection.onMeetingGraded(grade(poorMeeting, 1, "GOOD", 0), new Occurrence("p1"));
        projection.onMeetingGraded(grade(poorThematic, 1, "POOR", 3), new Occurrence("p2"));

        Period november = new Period(PeriodLength.MONTH, 2026, 11);
        var facts = periods.find(List.of(good.cellId(), poor.cellId(), ungraded.cellId()), november);
        assertThat(facts.get(good.cellId()).grade()).isEqualTo("GOOD");
        assertThat(facts.get(poor.cellId()).grade()).isEqualTo("POOR");
        assertThat(facts.get(poor.cellId()).gradeRank()).isEqualTo(3);
        assertThat(facts.get(ungraded.cellId()).grade()).isNull();
        assertThat(periods.find(List.of(poor.cellId()), new Period(PeriodLength.QUARTER, 2026, 4))
                        .get(poor.cellId())
                        .grade())
                .isEqualTo("POOR");

        ComplianceQueries queries = new ComplianceQueries(units, periods, policy(Map.of()), clock);
        Caller superior = new Caller("hu", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/"), Role.SUPERIOR)));
        var best = queries.list(superior, committee, november, PageQuery.of(0, 10, PageQuery.Order.asc("grade")));
        assertThat(best.content()).extracting(c -> c.cell().code()).containsExactly("cb-a", "cb-b", "cb-c");
        var worst = queries.list(superior, committee, november, PageQuery.of(0, 10, PageQuery.Order.desc("grade")));
        assertThat(worst.content()).extracting(c -> c.cell().code()).containsExactly("cb-b", "cb-a", "cb-c");
    }

    static PeriodGrade grade(ClosedMeetingFacts m, int revision, String code, int rank) {
        return new PeriodGrade(
                m.meetingId(), m.cellId(), m.heldOn().getYear(), m.heldOn().getMonthValue(), revision, code, rank);
    }
}
