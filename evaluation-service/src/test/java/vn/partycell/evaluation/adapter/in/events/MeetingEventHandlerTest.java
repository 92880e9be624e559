package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.evaluation.application.CellGradeProjection;
import vn.partycell.evaluation.application.InMemoryCellGrades;
import vn.partycell.evaluation.application.InMemoryScorecardRepository;
import vn.partycell.evaluation.application.PolicyProperties;
import vn.partycell.evaluation.application.ScorecardProjection;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MeetingKind;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RecordedAfterwards;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The inbound adapter owns the wire: it reads only the fields it uses, dispatches on the type,
 * turns what the contract forbids into poison, and hands the projection a typed closed meeting.
 */
class MeetingEventHandlerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final InMemoryScorecardRepository scorecards = new InMemoryScorecardRepository();
    final MeetingEventHandler handler = new MeetingEventHandler(
            new ScorecardProjection(
                    scorecards,
                    new PolicyProperties(
                            new PolicyProperties.YearPolicy(new PolicyProperties.RemovalReviewSettings(2, 3), null),
                            Map.of())),
            new CellGradeProjection(new InMemoryCellGrades()));

    final UUID cell = UUID.randomUUID();
    final UUID an = UUID.randomUUID();

    static InboundEvent event(String type, String json) {
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

    String closed(UUID meeting, String startsAt, int year, int month, String attendance) {
        return """
                {"meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","kind":"REGULAR",
                 "title":"Sinh hoạt chi bộ thường kỳ tháng %d/%d","startsAt":"%s","closedAt":"%s",
                 "year":%d,"month":%d,"attendance":[%s],"quorum":{"eligible":2,"present":1,"required":2},
                 "version":4,"futureField":{"ignored":true}}""".formatted(meeting, cell, month, year, startsAt, startsAt, year, month, attendance);
    }

    static String member(UUID id, String status, boolean spoke) {
        return """
                {"memberId":"%s","status":"%s","reason":null,"spoke":%s}""".formatted(id, status, spoke);
    }

    @Test
    void aClosedMeetingReachesTheProjectionAsTypedValues() {
        UUID meeting = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        String json = closed(
                meeting,
                "2025-02-28T18:30:00Z",
                2025,
                3,
                member(an, "LATE", true) + "," + member(binh, "ABSENT", false));

        InboundEvent event = event("meetings.meeting.closed", json);
        assertThat(handler.handle(event)).isEqualTo(Outcome.APPLIED);

        MeetingEntry entry =
                scorecards.find(new MemberId(an), 2025).orElseThrow().meetings().getFirst();
        assertThat(entry.meetingId()).isEqualTo(new MeetingId(meeting));
        assertThat(entry.cellId()).isEqualTo(new CellId(cell));
        assertThat(entry.orgPath()).isEqualTo(OrgPath.of("/hy/a/cb-1/"));
        assertThat(entry.kind()).isEqualTo(MeetingKind.REGULAR);
        assertThat(entry.month()).isEqualTo(3);
        assertThat(entry.status()).isEqualTo(AttendanceStatus.LATE);
        assertThat(entry.spoke()).isTrue();
        assertThat(scorecards
                        .find(new MemberId(binh), 2025)
                        .orElseThrow()
                        .totals()
                        .missed())
                .isEqualTo(1);
        // The same event again: the projection's duplicate is reported as the event's outcome.
        assertThat(handler.handle(event)).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void aMeetingEnteredAfterwardsSaysSoOnEveryEntryItMakes() {
        UUID meeting = UUID.randomUUID();
        String json = closed(meeting, "2025-03-05T01:00:00Z", 2025, 3, member(an, "PRESENT", true))
                .replace("\"version\":4", """
                        "version":4,"revision":3,"recordedAfterwards":{"by":"tinh-uy","at":"2026-01-10T02:00:00Z"}""");

        assertThat(handler.handle(event("meetings.meeting.closed", json))).isEqualTo(Outcome.APPLIED);

        MeetingEntry entry =
                scorecards.find(new MemberId(an), 2025).orElseThrow().meetings().getFirst();
        assertThat(entry.recordedAfterwards())
                .isEqualTo(new RecordedAfterwards("tinh-uy", Instant.parse("2026-01-10T02:00:00Z")));
        // A meeting held on the platform (revision 3 with null, or an earlier revision without it) has none.
        UUID live = UUID.randomUUID();
        handler.handle(event(
                "meetings.meeting.closed",
                closed(live, "2025-03-20T01:00:00Z", 2025, 3, member(an, "PRESENT", true))
                        .replace("\"version\":4", "\"version\":4,\"recordedAfterwards\":null")));
        assertThat(scorecards.find(new MemberId(an), 2025).orElseThrow().meetings())
                .filteredOn(e -> e.meetingId().equals(new MeetingId(live)))
                .singleElement()
                .satisfies(e -> assertThat(e.recordedAfterwards()).isNull());
        // Who entered it is required once the object is there.
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(UUID.randomUUID(), "2025-03-05T01:00:00Z", 2025, 3, member(an, "PRESENT", true))
                                .replace(
                                        "\"version\":4",
                                        "\"version\":4,\"recordedAfterwards\":{\"at\":\"2026-01-10T02:00:00Z\"}"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("recordedAfterwards");
    }

    @Test
    void otherMeetingEventsAreIgnored() {
        String scheduled = """
                {"meetingId":"%s","cellId":"%s","orgPath":"/hy/a/cb-1/","kind":"REGULAR","title":"Sinh hoạt",
                 "startsAt":"2025-03-05T01:00:00Z","place":"Hội trường","agenda":["Nghị quyết"],"version":1}""".formatted(UUID.randomUUID(), cell);
        assertThat(handler.handle(event("meetings.meeting.scheduled", scheduled)))
                .isEqualTo(Outcome.IGNORED);
        assertThat(scorecards.cards).isEmpty();
        assertThat(scorecards.cells).isEmpty();
    }

    @Test
    void dataThatCannotBeScoredIsPoison() {
        UUID meeting = UUID.randomUUID();
        // The month is not the local month of startsAt (01:30 on 1 March in Viet Nam).
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-02-28T18:30:00Z", 2025, 2, member(an, "PRESENT", true)))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("is not the month of startsAt");
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(
                                meeting,
                                "2025-03-05T01:00:00Z",
                                2025,
                                3,
                                member(an, "PRESENT", true) + "," + member(an, "ABSENT", false)))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-03-05T01:00:00Z", 2025, 3, member(an, "GONE", true)))))
                .isInstanceOf(PoisonEventException.class)
                // The reason names the field's path, so an operator finds it in the dead letter.
                .hasMessageEndingWith(": attendance[0].status is not a known AttendanceStatus: 'GONE'");
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-03-05T01:00:00Z", 2025, 3, member(an, "PRESENT", true))
                                .replace("\"REGULAR\"", "\"PICNIC\""))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("PICNIC");
        assertThatThrownBy(() -> handler.handle(event(
                        "meetings.meeting.closed",
                        closed(meeting, "2025-03-05T01:00:00Z", 2025, 3, member(an, "PRESENT", true))
                                .replace("/hy/a/cb-1/", "not-a-path"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("orgPath");
        assertThatThrownBy(() -> handler.handle(event("meetings.meeting.closed", "{\"meetingId\":null}")))
                .isInstanceOf(PoisonEventException.class);
        assertThat(scorecards.cards).isEmpty();
    }
}
