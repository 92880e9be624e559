package vn.partycell.meeting.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import vn.partycell.meeting.adapter.out.events.MeetingTopics;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CancelledMeeting;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.DraftMeeting;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.QuorumRule;
import vn.partycell.meeting.domain.Roster;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;
import vn.partycell.platform.test.InMemoryMongo;

/** Every state round-trips, its events land in the same document, a stale write is a 409. */
class MongoMeetingRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-05T14:00:00Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoMeetingRepository meetings;
    private final OrgPath path = OrgPath.of("/hy/a/cb-01/");
    private final Cell cell =
            new Cell(new CellId(UUID.randomUUID()), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, path, 1);
    private final RosterMember member = new RosterMember(
            new MemberId(UUID.randomUUID()), cell.id(), null, path, "Trần Thị Bình", MemberStatus.FULL, false, 1);
    private final Roster roster = new Roster(List.of(member));
    private final Caller reader =
            new Caller("du", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/a/"), Role.MEMBER)));

    @BeforeEach
    void connect() {
        String db = "meetings-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        OutboundEvents outbound =
                new OutboundEvents("meeting-service", JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));
        meetings = new MongoMeetingRepository(mongo, new OutboxStore(mongo, null), new MeetingTopics(outbound));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private Change<ScheduledMeeting, MeetingEvent> schedule(String startsAt) {
        return Meeting.schedule(
                MeetingId.random(),
                cell,
                new MeetingPlan(
                        MeetingKind.REGULAR,
                        "Sinh hoạt " + startsAt,
                        null,
                        Instant.parse(startsAt),
                        "Hội trường",
                        List.of("Nội dung")),
                Instant.parse("2026-03-01T00:00:00Z"));
    }

    private Change<InProgressMeeting, MeetingEvent> start(ScheduledMeeting meeting) {
        return meeting.start(Duration.ZERO, Map.of(), "bt", meeting.startsAt());
    }

    private List<String> outboxTypesOf(MeetingId id) {
        Document stored = mongo.getCollection(MongoMeetingRepository.COLLECTION)
                .find(new Document("_id", id.toString()))
                .first();
        return stored.getList("outbox", Document.class, List.of()).stream()
                .map(e -> e.getString("type"))
                .toList();
    }

    private List<String> outboxTypes(MeetingId id) {
        Document stored = mongo.getCollection(MongoMeetingRepository.COLLECTION)
                .find(new Document("_id", id.toString()))
                .first();
        return stored.getList("outbox", Document.class, List.of()).stream()
                .map(e -> e.toJson())
                .map(json -> json.contains("meetings.meeting.closed") ? "closed" : "scheduled")
                .toList();
    }

    @Test
    void eachStateRoundTripsWithItsEventsInTheSameDocument() {
        Change<ScheduledMeeting, MeetingEvent> scheduled = schedule("2026-03-05T12:30:00Z");
        meetings.insert(scheduled);
        MeetingId id = scheduled.state().id();
        assertThat(meetings.find(id)).contains(scheduled.state());
        assertThat(outboxTypes(id)).containsExactly("scheduled");

        Change<InProgressMeeting, MeetingEvent> started = start(scheduled.state());
        meetings.update(started, 1);
        assertThat(meetings.find(id)).contains(started.state());
        Change<InProgressMeeting, MeetingEvent> taken = started.state()
                .recordAttendance(
                        List.of(new Attendance(member.memberId(), AttendanceStatus.PRESENT, null, true)), roster);
        meetings.update(taken, 2);
        assertThat(meetings.find(id)).contains(taken.state());
        assertThat(meetings.find(id).orElseThrow().status()).isEqualTo(MeetingStatus.IN_PROGRESS);
        assertThat(outboxTypes(id)).containsExactly("scheduled");

        Change<ClosedMeeting, MeetingEvent> closed =
                taken.state().close(roster, new QuorumRule(QuorumRule.Comparison.MORE_THAN, 1, 2), "bt", NOW);
        meetings.update(closed, 3);
        assertThat(meetings.find(id)).contains(closed.state());
        assertThat(outboxTypes(id)).containsExactly("scheduled", "closed");
    }

    @Test
    void draftChangedAndCancelledMeetingsRoundTripWithTheirEvents() {
        Instant before = Instant.parse("2026-03-01T00:00:00Z");
        MeetingPlan plan = new MeetingPlan(
                MeetingKind.THEMATIC,
                "Chuyên đề quý I",
                "Đấu tranh phản bác thông tin xấu độc trên mạng",
                Instant.parse("2026-03-20T01:00:00Z"),
                "Hội trường",
                List.of("Quán triệt chuyên đề"));
        Change<DraftMeeting, MeetingEvent> draft = Meeting.draft(MeetingId.random(), cell, plan, before);
        meetings.insert(draft);
        MeetingId id = draft.state().id();
        assertThat(meetings.find(id)).contains(draft.state());
        assertThat(outboxTypesOf(id)).isEmpty();

        Change<ScheduledMeeting, MeetingEvent> scheduled = draft.state().schedule(before);
        meetings.update(scheduled, 1);
        Change<ScheduledMeeting, MeetingEvent> moved = scheduled
                .state()
                .change(
                        new MeetingPlan(
                                plan.kind(),
                                plan.title(),
                                plan.topic(),
                                plan.startsAt().plusSeconds(86_400),
                                "Nhà văn hóa",
                                plan.agenda()),
                        before);
        meetings.update(moved, 2);
        assertThat(meetings.find(id)).contains(moved.state());
        Change<CancelledMeeting, MeetingEvent> cancelled = moved.state().cancel("Mưa bão", "bt", before);
        meetings.update(cancelled, 3);
        assertThat(meetings.find(id)).contains(cancelled.state());
        assertThat(outboxTypesOf(id))
                .containsExactly(
                        "meetings.meeting.scheduled", "meetings.meeting.rescheduled", "meetings.meeting.cancelled");
    }

    @Test
    void aWriteOnAStaleVersionIsAConflictAndWritesNothing() {
        Change<ScheduledMeeting, MeetingEvent> scheduled = schedule("2026-03-05T12:30:00Z");
        meetings.insert(scheduled);
        Change<InProgressMeeting, MeetingEvent> taken = start(scheduled.state());
        meetings.update(taken, 1);

        assertThatThrownBy(() -> meetings.update(taken, 1))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThat(meetings.find(scheduled.state().id())).contains(taken.state());
    }

    @Test
    void searchPagesInTheRequestedOrderWithinTheCallersScope() {
        ScheduledMeeting march = schedule("2026-03-05T12:30:00Z").state();
        ScheduledMeeting april = schedule("2026-04-05T12:30:00Z").state();
        ScheduledMeeting may = schedule("2026-05-05T12:30:00Z").state();
        for (ScheduledMeeting m : List.of(april, march, may)) {
            meetings.insert(Change.silent(m));
        }
        ResultPage<Meeting> first =
                meetings.search(reader, cell.id(), null, PageQuery.of(0, 2, PageQuery.Order.desc("startsAt")));
        assertThat(first.content()).containsExactly(may, april);
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(meetings.search(
                                reader,
                                cell.id(),
                                MeetingStatus.SCHEDULED,
                                PageQuery.of(1, 2, PageQuery.Order.asc("startsAt")))
                        .content())
                .containsExactly(may);
        assertThat(meetings.search(reader, cell.id(), MeetingStatus.CLOSED, PageQuery.of(0, 2))
                        .content())
                .isEmpty();
        Caller outsider = new Caller("x", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/b/"), Role.SUPERIOR)));
        assertThat(meetings.search(outsider, null, null, PageQuery.of(0, 20)).totalElements())
                .isZero();
    }
}
