package vn.partycell.evaluation.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.evaluation.application.ScorecardRepository;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RecordedAfterwards;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.InMemoryMongo;

/** The repository's conditional writes and queries, over the MongoDB wire protocol (mongo-java-server). */
class MongoScorecardRepositoryTest {

    static final OrgPath PATH = OrgPath.of("/hy/a/cb-1/");

    MongoClient client;
    MongoTemplate mongo;
    MongoScorecardRepository store;
    final CellId cell = new CellId(UUID.randomUUID());
    final AtomicInteger woken = new AtomicInteger();
    final OutboundEvents outbound =
            new OutboundEvents("evaluation-service", JsonMapper.builder().build(), Clock.systemUTC());
    static final RemovalReviewPolicy POLICY = new RemovalReviewPolicy(2, 3);

    /** A stand-in for the events adapter's mapper: the event's version as its data. */
    private OutboxEvent toOutbox(ScorecardEvent event) {
        var a = (ScorecardEvent.UnexcusedAbsenceCounted) event;
        return outbound.create(
                "evaluations.scorecard.v1",
                "evaluations.scorecard.absence-counted",
                a.memberId().toString(),
                a.orgPath(),
                Map.of("version", a.version()));
    }

    private static Change<Scorecard, ScorecardEvent> silent(Scorecard card) {
        return Change.silent(card);
    }

    @BeforeEach
    void setUp() {
        String db = "store-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        store = new MongoScorecardRepository(
                mongo, new OutboxStore(mongo, (collection, ids) -> woken.incrementAndGet()), this::toOutbox);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private MeetingEntry entry(int month, AttendanceStatus status) {
        return new MeetingEntry(
                new MeetingId(UUID.randomUUID()),
                cell,
                PATH,
                MeetingKind.REGULAR,
                "Sinh hoạt chi bộ tháng " + month + "/2025",
                Instant.parse("2025-%02d-05T01:00:00Z".formatted(month)),
                month,
                status,
                status == AttendanceStatus.PRESENT);
    }

    @Test
    void insertsTheFirstMeetingOnceAndThenOnlyReplacesTheVersionRead() {
        MemberId member = new MemberId(UUID.randomUUID());
        MeetingEntry jan = entry(1, AttendanceStatus.PRESENT);
        MeetingEntry feb = entry(2, AttendanceStatus.ABSENT);
        MeetingEntry mar = entry(3, AttendanceStatus.LATE);
        Scorecard first = Scorecard.first(member, 2025, jan);

        assertThat(store.replace(silent(first), 0, jan.meetingId())).isTrue();
        // A second "first" write for the same member and year loses: the document exists.
        assertThat(store.replace(silent(Scorecard.first(member, 2025, feb)), 0, feb.meetingId()))
                .isFalse();
        assertThat(store.find(member, 2025)).contains(first);

        Scorecard second = first.with(feb);
        assertThat(store.replace(silent(second), 1, feb.meetingId())).isTrue();
        // Written against a stale version (1 meeting) or re-adding a stored meeting: refused.
        assertThat(store.replace(silent(first.with(mar)), 1, mar.meetingId())).isFalse();
        assertThat(store.replace(silent(second), 2, feb.meetingId())).isFalse();
        assertThat(store.find(member, 2025)).contains(second);
        assertThat(store.find(member, 2024)).isEmpty();
    }

    @Test
    void anEntryOfAMeetingEnteredAfterwardsKeepsWhoEnteredItAndWhen() {
        MemberId member = new MemberId(UUID.randomUUID());
        MeetingEntry live = entry(1, AttendanceStatus.PRESENT);
        MeetingEntry e = entry(2, AttendanceStatus.PRESENT);
        MeetingEntry entered = new MeetingEntry(
                e.meetingId(),
                e.cellId(),
                e.orgPath(),
                e.kind(),
                e.title(),
                e.startsAt(),
                e.month(),
                e.status(),
                e.spoke(),
                List.of(),
                new RecordedAfterwards("tinh-uy", Instant.parse("2026-01-10T02:00:00Z")));
        store.replace(silent(Scorecard.first(member, 2025, live)), 0, live.meetingId());
        store.replace(silent(Scorecard.first(member, 2025, live).with(entered)), 1, entered.meetingId());

        assertThat(store.find(member, 2025).orElseThrow().meetings())
                .extracting(MeetingEntry::recordedAfterwards)
                .containsExactly(null, entered.recordedAfterwards());
    }

    @Test
    void storesTheEntriesWithTheFiguresDerivedFromThem() {
        MemberId member = new MemberId(UUID.randomUUID());
        MeetingEntry jan = entry(1, AttendanceStatus.ABSENT);
        MeetingEntry feb = entry(2, AttendanceStatus.LATE);
        Scorecard card = Scorecard.first(member, 2025, feb).with(jan);
        store.replace(silent(Scorecard.first(member, 2025, feb)), 0, feb.meetingId());
        store.replace(silent(card), 1, jan.meetingId());

        Document d = mongo.getCollection(MongoScorecardRepository.SCORECARDS)
                .find(new Document("_id", member + ":2025"))
                .first();
        assertThat(d).isNotNull();
        assertThat(d.getString("cellId")).isEqualTo(cell.toString());
        assertThat(d.getString("orgPath")).isEqualTo(PATH.value());
        assertThat(d.getInteger("meetingCount")).isEqualTo(2);
        assertThat(d.get("totals", Document.class).toJson())
                .isEqualTo("{\"attended\": 1, \"late\": 1, \"excused\": 0, \"missed\": 1, \"spoke\": 0}");
        assertThat(d.getList("unexcusedAbsenceMonths", Integer.class)).containsExactly(1);
        assertThat(d.getList("meetings", Document.class))
                .extracting(m -> m.getString("meetingId"))
                .containsExactly(jan.meetingId().toString(), feb.meetingId().toString());
        assertThat(MongoScorecardRepository.document(card).toJson()).isEqualTo(d.toJson());
    }

    @Test
    void theEventsTheScorecardDecidedRideInTheSameConditionalWriteAndAreKeptByLaterWrites() {
        MemberId member = new MemberId(UUID.randomUUID());
        MeetingEntry jan = entry(1, AttendanceStatus.ABSENT);
        MeetingEntry feb = entry(2, AttendanceStatus.PRESENT);
        MeetingEntry mar = entry(3, AttendanceStatus.ABSENT);
        Change<Scorecard, ScorecardEvent> first = Scorecard.start(member, 2025, jan, POLICY);
        assertThat(store.replace(first, 0, jan.meetingId())).isTrue();
        assertThat(woken).hasValue(1);
        Date since = outboxOf(member).getDate("outboxSince");

        Change<Scorecard, ScorecardEvent> second = first.state().record(feb, POLICY);
        assertThat(store.replace(second, 1, feb.meetingId())).isTrue();
        assertThat(woken).as("nothing to publish, nobody woken").hasValue(1);
        Change<Scorecard, ScorecardEvent> third = second.state().record(mar, POLICY);
        // A write against a stale version carries its events nowhere.
        assertThat(store.replace(first.state().record(mar, POLICY), 1, mar.meetingId()))
                .isFalse();
        assertThat(store.replaceAll(List.of(new ScorecardRepository.Replacement(third, 2, mar.meetingId()))))
                .isEmpty();

        Document stored = outboxOf(member);
        // The January event, still pending for the relay, was not dropped by the later writes.
        assertThat(stored.getList("outbox", Document.class))
                .extracting(e -> e.getString("payload"))
                .containsExactly("{\"version\":1}", "{\"version\":3}");
        assertThat(stored.getList("outbox", Document.class))
                .extracting(e -> e.getString("subject"))
                .containsOnly(member.toString());
        assertThat(stored.getDate("outboxSince")).isEqualTo(since);
        assertThat(store.find(member, 2025)).contains(third.state());
        assertThat(woken).hasValue(2);
    }

    private Document outboxOf(MemberId member) {
        return mongo.getCollection(MongoScorecardRepository.SCORECARDS)
                .find(new Document("_id", member + ":2025"))
                .first();
    }

    @Test
    void aCellKeepsThePathOfItsLatestMeetingWhateverTheOrder() {
        Instant early = Instant.parse("2025-01-05T01:00:00Z");
        Instant late = Instant.parse("2025-06-05T01:00:00Z");
        MeetingId earlyMeeting = new MeetingId(UUID.randomUUID());
        MeetingId lateMeeting = new MeetingId(UUID.randomUUID());
        OrgPath moved = OrgPath.of("/hy/b/cb-1/");

        assertThat(store.recordCell(cell, moved, late, lateMeeting)).isTrue();
        assertThat(store.recordCell(cell, PATH, early, earlyMeeting)).isFalse();
        assertThat(store.recordCell(cell, moved, late, lateMeeting)).isFalse();
        assertThat(store.cellPath(cell)).contains(moved);

        CellId other = new CellId(UUID.randomUUID());
        assertThat(store.recordCell(other, PATH, early, earlyMeeting)).isTrue();
        assertThat(store.recordCell(other, moved, late, lateMeeting)).isTrue();
        assertThat(store.cellPath(other)).contains(moved);
        assertThat(store.cellPath(new CellId(UUID.randomUUID()))).isEmpty();

        // Same start time: the larger meeting id wins, so both orders agree.
        MeetingId low = MeetingId.of("00000000-0000-4000-8000-000000000001");
        MeetingId high = MeetingId.of("00000000-0000-4000-8000-000000000002");
        CellId tie = new CellId(UUID.randomUUID());
        assertThat(store.recordCell(tie, moved, late, high)).isTrue();
        assertThat(store.recordCell(tie, PATH, late, low)).isFalse();
        assertThat(store.cellPath(tie)).contains(moved);
    }

    @Test
    void listsACellsMembersWithEnoughAbsenceMonthsMostFirstPageByPage() {
        List<MemberId> members = new ArrayList<>();
        for (int months = 0; months <= 4; months++) {
            MemberId member = new MemberId(UUID.randomUUID());
            members.add(member);
            Scorecard card = Scorecard.first(member, 2025, entry(12, AttendanceStatus.PRESENT));
            store.replace(silent(card), 0, card.meetings().getFirst().meetingId());
            for (int m = 1; m <= months; m++) {
                MeetingEntry absent = entry(m, AttendanceStatus.ABSENT);
                Scorecard next = card.with(absent);
                assertThat(store.replace(silent(next), card.meetings().size(), absent.meetingId()))
                        .isTrue();
                card = next;
            }
        }

        ResultPage<Scorecard> first = store.withUnexcusedAbsenceMonths(cell, 2025, 2, PageQuery.of(0, 2));
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.content()).extracting(Scorecard::memberId).containsExactly(members.get(4), members.get(3));
        ResultPage<Scorecard> second = store.withUnexcusedAbsenceMonths(cell, 2025, 2, PageQuery.of(1, 2));
        assertThat(second.content()).extracting(Scorecard::memberId).containsExactly(members.get(2));
        assertThat(store.withUnexcusedAbsenceMonths(cell, 2024, 2, PageQuery.of(0, 2))
                        .content())
                .isEmpty();
        assertThat(store.withUnexcusedAbsenceMonths(new CellId(UUID.randomUUID()), 2025, 1, PageQuery.of(0, 2))
                        .totalElements())
                .isZero();
        // A page past the end is empty but still counts the whole list.
        ResultPage<Scorecard> beyond = store.withUnexcusedAbsenceMonths(cell, 2025, 2, PageQuery.of(5, 2));
        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(3);
    }
}
