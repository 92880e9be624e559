package vn.partycell.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/** The projection's decisions, on a store that keeps the same conditional-write rules in memory. */
class ScorecardProjectionTest {

    /** In memory, with the port's rules: replace only the version read; cells keep their latest meeting. */
    static class MemoryStore implements ScorecardStore {
        final Map<String, Scorecard> cards = new HashMap<>();
        final Map<UUID, OrgPath> cells = new HashMap<>();
        final Map<UUID, String> cellAsOf = new HashMap<>();
        Runnable beforeNextReplace = () -> {};
        int replaces;

        @Override
        public Optional<Scorecard> find(UUID memberId, int year) {
            return Optional.ofNullable(cards.get(memberId + ":" + year));
        }

        @Override
        public boolean replace(Scorecard next, int storedMeetings, UUID addedMeeting) {
            replaces++;
            Runnable race = beforeNextReplace;
            beforeNextReplace = () -> {};
            race.run();
            String key = next.memberId() + ":" + next.year();
            Scorecard stored = cards.get(key);
            int count = stored == null ? 0 : stored.meetings().size();
            if (count != storedMeetings || (stored != null && stored.contains(addedMeeting))) {
                return false;
            }
            cards.put(key, next);
            return true;
        }

        @Override
        public boolean recordCell(UUID cellId, OrgPath orgPath, Instant startsAt, UUID meetingId) {
            String asOf = startsAt + "|" + meetingId;
            String stored = cellAsOf.get(cellId);
            if (stored != null && stored.compareTo(asOf) >= 0) {
                return false;
            }
            cellAsOf.put(cellId, asOf);
            cells.put(cellId, orgPath);
            return true;
        }

        @Override
        public Optional<OrgPath> cellPath(UUID cellId) {
            return Optional.ofNullable(cells.get(cellId));
        }

        @Override
        public Page<Scorecard> withUnexcusedAbsenceMonths(UUID cellId, int year, int minMonths, Pageable page) {
            return new PageImpl<>(List.of());
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    final MemoryStore store = new MemoryStore();
    final ScorecardProjection projection = new ScorecardProjection(store);
    final UUID cell = UUID.randomUUID();
    final UUID an = UUID.randomUUID();
    final UUID binh = UUID.randomUUID();

    private InboundEvent event(String type, String json) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                "/partycell/meeting-service",
                type,
                UUID.randomUUID().toString(),
                Instant.parse("2025-03-05T04:00:00Z"),
                null,
                "/hy/a/cb-1/");
        return new InboundEvent(envelope, json.getBytes(StandardCharsets.UTF_8), "meetings.meeting.v1", 0, 0, JSON);
    }

    private String closed(UUID meeting, String startsAt, int year, int month, String attendance) {
        return """
                {"meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","kind":"REGULAR",
                 "title":"Sinh hoạt chi bộ thường kỳ tháng %d/%d","startsAt":"%s","closedAt":"%s",
                 "year":%d,"month":%d,"attendance":[%s],"quorum":{"eligible":2,"present":1,"required":2},
                 "version":4,"futureField":{"ignored":true}}""".formatted(meeting, cell, month, year, startsAt, startsAt, year, month, attendance);
    }

    private String member(UUID id, String status, boolean spoke) {
        return """
                {"memberId":"%s","status":"%s","reason":null,"spoke":%s}""".formatted(id, status, spoke);
    }

    @Test
    void aClosedMeetingGoesOnEveryExpectedMembersScorecardOnce() {
        UUID meeting = UUID.randomUUID();
        String json = closed(
                meeting,
                "2025-02-28T18:30:00Z",
                2025,
                3,
                member(an, "LATE", true) + "," + member(binh, "ABSENT", false));

        assertThat(projection.onMeetingEvent(event("meetings.meeting.closed", json)))
                .isEqualTo(Outcome.APPLIED);
        Scorecard card = store.find(an, 2025).orElseThrow();
        MeetingEntry entry = card.meetings().getFirst();
        assertThat(entry.meetingId()).isEqualTo(meeting);
        assertThat(entry.month()).isEqualTo(3);
        assertThat(entry.status()).isEqualTo(AttendanceStatus.LATE);
        assertThat(entry.spoke()).isTrue();
        assertThat(entry.title()).isEqualTo("Sinh hoạt chi bộ thường kỳ tháng 3/2025");
        assertThat(store.find(binh, 2025).orElseThrow().totals().missed()).isEqualTo(1);
        assertThat(store.cellPath(cell)).contains(OrgPath.of("/hy/a/cb-1/"));

        // The same event again, or another event about the same meeting: nothing changes.
        Map<String, Scorecard> before = Map.copyOf(store.cards);
        assertThat(projection.onMeetingEvent(event("meetings.meeting.closed", json)))
                .isEqualTo(Outcome.DUPLICATE);
        String changed = closed(meeting, "2025-02-28T18:30:00Z", 2025, 3, member(an, "ABSENT", false));
        assertThat(projection.onMeetingEvent(event("meetings.meeting.closed", changed)))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(store.cards).isEqualTo(before);
    }

    @Test
    void losingARaceToAnotherMeetingReadsAgainAndKeepsBoth() {
        UUID first = UUID.randomUUID();
        projection.onMeetingEvent(event(
                "meetings.meeting.closed",
                closed(first, "2025-01-06T01:00:00Z", 2025, 1, member(an, "PRESENT", true))));
        MeetingEntry concurrent = new MeetingEntry(
                UUID.randomUUID(),
                cell,
                OrgPath.of("/hy/a/cb-1/"),
                "THEMATIC",
                "Sinh hoạt chuyên đề",
                Instant.parse("2025-01-20T01:00:00Z"),
                1,
                AttendanceStatus.EXCUSED,
                false);
        // Another consumer adds a meeting between this one's read and its write.
        store.beforeNextReplace = () -> store.cards.computeIfPresent(an + ":2025", (k, s) -> s.with(concurrent));
        store.replaces = 0;

        UUID second = UUID.randomUUID();
        assertThat(projection.onMeetingEvent(event(
                        "meetings.meeting.closed",
                        closed(second, "2025-02-05T01:00:00Z", 2025, 2, member(an, "ABSENT", false)))))
                .isEqualTo(Outcome.APPLIED);

        assertThat(store.replaces).isEqualTo(2);
        assertThat(store.find(an, 2025).orElseThrow().meetings())
                .extracting(MeetingEntry::meetingId)
                .containsExactly(first, concurrent.meetingId(), second);
    }

    @Test
    void otherMeetingEventsAreIgnored() {
        String scheduled = """
                {"meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","kind":"REGULAR","title":"Sinh hoạt",
                 "startsAt":"2025-03-05T01:00:00Z","place":"Hội trường","agenda":["Nghị quyết"],"version":1}""".formatted(UUID.randomUUID(), cell);
        assertThat(projection.onMeetingEvent(event("meetings.meeting.scheduled", scheduled)))
                .isEqualTo(Outcome.IGNORED);
        assertThat(store.cards).isEmpty();
        assertThat(store.cells).isEmpty();
    }

    @Test
    void dataThatCannotBeScoredIsPoison() {
        UUID meeting = UUID.randomUUID();
        // The month is not the local month of startsAt (01:30 on 1 March in Viet Nam).
        assertThatThrownBy(() -> projection.onMeetingEvent(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-02-28T18:30:00Z", 2025, 2, member(an, "PRESENT", true)))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("month");
        assertThatThrownBy(() -> projection.onMeetingEvent(event(
                        "meetings.meeting.closed",
                        closed(
                                meeting,
                                "2025-03-05T01:00:00Z",
                                2025,
                                3,
                                member(an, "PRESENT", true) + "," + member(an, "ABSENT", false)))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> projection.onMeetingEvent(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-03-05T01:00:00Z", 2025, 3, member(an, "GONE", true)))))
                .isInstanceOf(PoisonEventException.class);
        assertThatThrownBy(() -> projection.onMeetingEvent(event("meetings.meeting.closed", "{\"meetingId\":null}")))
                .isInstanceOf(PoisonEventException.class);
        assertThat(store.cards).isEmpty();
    }
}
