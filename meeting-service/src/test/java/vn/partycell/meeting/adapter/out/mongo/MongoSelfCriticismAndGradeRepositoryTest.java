package vn.partycell.meeting.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.adapter.out.events.MeetingGradeTopics;
import vn.partycell.meeting.adapter.out.events.SelfCriticismTopics;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.GradeLevel;
import vn.partycell.meeting.domain.GradeScale;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.PartyGroup;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.test.InMemoryMongo;

/** Rounds and grades round-trip, events land in the same document, a cell's history is its key range only. */
class MongoSelfCriticismAndGradeRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-05T14:00:00Z");
    private final OrgPath path = OrgPath.of("/hy/a/cb-01/");
    private final CellId cell = new CellId(UUID.randomUUID());
    private final PartyGroup group = new PartyGroup(new OrgUnitId(UUID.randomUUID()), "Tổ 1", false);
    private final RosterMember member = new RosterMember(
            new MemberId(UUID.randomUUID()), cell, group.id(), path, "An", MemberStatus.FULL, false, 1);

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoSelfCriticismRepository rounds;
    private MongoMeetingGradeRepository grades;

    @BeforeEach
    void connect() {
        String db = "meetings-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(InMemoryMongo.uri(db));
        mongo = new MongoTemplate(client, db);
        OutboundEvents outbound =
                new OutboundEvents("meeting-service", JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));
        OutboxStore outbox = new OutboxStore(mongo, null);
        rounds = new MongoSelfCriticismRepository(mongo, outbox, new SelfCriticismTopics(outbound));
        grades = new MongoMeetingGradeRepository(mongo, outbox, new MeetingGradeTopics(outbound));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private SelfCriticismRound store(CellId cellId, YearMonth month) {
        SelfCriticismRound open = SelfCriticismRound.open(new SelfCriticismRoundId(cellId, month), path);
        Change<SelfCriticismRound, SelfCriticismEvent> nominated =
                open.nominate(group, member.memberId(), List.of(member), "Tổ đề cử", "bt", NOW);
        rounds.save(nominated, 0);
        Change<SelfCriticismRound, SelfCriticismEvent> picked =
                nominated.state().pick(member.memberId(), "bt");
        rounds.save(picked, 1);
        Change<SelfCriticismRound, SelfCriticismEvent> done =
                picked.state().recordOutcome(true, null, "Ghi chú", "bt", NOW, month);
        rounds.save(done, 2);
        return done.state();
    }

    private int outboxSize(String collection, String id) {
        Document stored =
                mongo.getCollection(collection).find(new Document("_id", id)).first();
        return stored.getList("outbox", Document.class, List.of()).size();
    }

    @Test
    void aRoundRoundTripsAndACellsHistoryIsItsOwnRoundsInMonthOrder() {
        SelfCriticismRound march = store(cell, YearMonth.of(2026, 3));
        store(cell, YearMonth.of(2025, 11));
        store(new CellId(UUID.randomUUID()), YearMonth.of(2026, 1));
        assertThat(rounds.find(march.id())).contains(march);
        assertThat(outboxSize(
                        MongoSelfCriticismRepository.COLLECTION, march.id().toString()))
                .isEqualTo(1);
        assertThat(rounds.ofCell(cell))
                .extracting(SelfCriticismRound::month)
                .containsExactly(YearMonth.of(2025, 11), YearMonth.of(2026, 3));
    }

    @Test
    void aSecondFirstWriteOfTheSameMonthOrAStaleOneIsA409AndWritesNothing() {
        SelfCriticismRound open = SelfCriticismRound.open(new SelfCriticismRoundId(cell, YearMonth.of(2026, 2)), path);
        var first = open.nominate(group, member.memberId(), List.of(member), null, "bt", NOW);
        rounds.save(first, 0);
        var concurrent = open.nominate(group, member.memberId(), List.of(member), "khác", "bt2", NOW);
        assertThatThrownBy(() -> rounds.save(concurrent, 0))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThatThrownBy(() -> rounds.save(first.state().pick(member.memberId(), "bt"), 5))
                .isInstanceOf(ConflictException.class);
        assertThat(rounds.find(open.id()).orElseThrow()).isEqualTo(first.state());
    }

    @Test
    void aGradeRoundTripsWithItsEventAndASecondGradeOfTheMeetingIsA409() {
        MemberId present = new MemberId(UUID.randomUUID());
        InProgressMeeting meeting = new InProgressMeeting(
                MeetingId.random(),
                cell,
                path,
                new MeetingPlan(MeetingKind.REGULAR, "Sinh hoạt", null, NOW, "Hội trường", List.of("Nội dung")),
                Map.of(present, new Attendance(present, AttendanceStatus.PRESENT, null, false)),
                NOW,
                "bt",
                2);
        GradeScale scale = new GradeScale(List.of(new GradeLevel("GOOD", "Tốt"), new GradeLevel("POOR", "Kém")));
        Change<MeetingGrade, MeetingGradeEvent> graded =
                MeetingGrade.grade(meeting, scale, "GOOD", "Tốt", true, "du", null, NOW);
        grades.insert(graded);
        assertThatThrownBy(() -> grades.insert(graded))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("meeting-already-graded"));
        var corrected = graded.state().correct(scale, "POOR", null, true, "Sửa", "du", null, NOW);
        grades.update(corrected, 1);
        assertThat(grades.find(meeting.id())).contains(corrected.state());
        assertThat(outboxSize(
                        MongoMeetingGradeRepository.COLLECTION, meeting.id().toString()))
                .isEqualTo(2);
        assertThatThrownBy(() -> grades.update(corrected, 1)).isInstanceOf(ConflictException.class);
    }
}
