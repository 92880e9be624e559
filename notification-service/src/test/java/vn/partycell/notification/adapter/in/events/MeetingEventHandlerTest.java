package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.notification.application.AbsenceNoticeReactions;
import vn.partycell.notification.application.InMemoryKnownMeetingRepository;
import vn.partycell.notification.application.InMemoryNoticeRepository;
import vn.partycell.notification.application.InMemoryRosterRepository;
import vn.partycell.notification.application.MeetingNoticeReactions;
import vn.partycell.notification.application.RosterProjection;
import vn.partycell.notification.application.TaskNoticeReactions;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.support.MeetingLoop;
import vn.partycell.platform.events.EventEnvelope;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/**
 * The inbound adapters own the wire: they read only the fields they use, dispatch on the type,
 * turn what the contract forbids into poison, and report the use case's effect as the outcome:
 * IGNORED only for a type not used here, NO_EFFECT for a fact with nobody to tell.
 */
class MeetingEventHandlerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PATH = "/hy/a/cb-1/";
    static final Instant STARTS = Instant.parse("2026-03-05T12:30:00Z");

    final InMemoryRosterRepository roster = new InMemoryRosterRepository();
    final InMemoryNoticeRepository notices = new InMemoryNoticeRepository();
    final InMemoryKnownMeetingRepository knownMeetings = new InMemoryKnownMeetingRepository();
    // Only the meeting directory is reached from meeting events; the task ports stay unused here.
    final MeetingEventHandler meetings = new MeetingEventHandler(
            new MeetingNoticeReactions(roster, notices),
            new TaskNoticeReactions(notices, null, knownMeetings, null, roster));
    final MemberEventHandler members = new MemberEventHandler(new RosterProjection(roster));
    final EvaluationEventHandler evaluations = new EvaluationEventHandler(new AbsenceNoticeReactions(notices));
    final UUID cell = UUID.randomUUID();

    static InboundEvent event(String type, String json) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                "/partycell/meeting-service",
                type,
                UUID.randomUUID().toString(),
                Instant.parse("2026-02-20T03:00:00Z"),
                null,
                PATH);
        return new InboundEvent(envelope, json.getBytes(StandardCharsets.UTF_8), "meetings.meeting.v1", 0, 0, JSON);
    }

    String scheduled(UUID meeting) {
        return MeetingLoop.scheduledData(meeting, cell, PATH, "REGULAR", "Sinh hoạt tháng 3", STARTS, 2);
    }

    String member(UUID id, String status) {
        return JSON.writeValueAsString(Map.of(
                "memberId",
                id.toString(),
                "fullName",
                "Nguyễn Văn An",
                "cellId",
                cell.toString(),
                "orgPath",
                PATH,
                "status",
                status,
                "email",
                "an@example.vn",
                "version",
                1,
                "joinedOn",
                "2020-09-02"));
    }

    @Test
    void aScheduledMeetingWithAnEmptyRosterHasNoEffectAndIsNotIgnored() {
        assertThat(meetings.handle(event("meetings.meeting.scheduled", scheduled(UUID.randomUUID()))))
                .isEqualTo(Outcome.NO_EFFECT);
        assertThat(notices.notices).isEmpty();
    }

    @Test
    void aClosedMeetingIsNotReadHereAnyMore() {
        String closed =
                """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"REGULAR","title":"Sinh hoạt tháng 3",
                 "startsAt":"%s","closedAt":"%s","year":2026,"month":3,
                 "attendance":[{"memberId":"%s","status":"ABSENT","reason":null,"spoke":false}],
                 "quorum":{"eligible":1,"present":0,"required":1},"version":5}""".formatted(UUID.randomUUID(), cell, PATH, STARTS, STARTS.plusSeconds(7200), UUID.randomUUID());
        // The absence notice comes from evaluation-service's count, not from the minutes.
        assertThat(meetings.handle(event("meetings.meeting.closed", closed))).isEqualTo(Outcome.IGNORED);
        assertThat(notices.notices).isEmpty();
    }

    @Test
    void aCountedAbsenceBecomesOneNoticeQuotingItsFigures() {
        UUID an = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();
        InboundEvent counted = scorecardEvent(absenceCounted(an, meeting, "[1,3]", "WARNING"));
        assertThat(evaluations.handle(counted)).isEqualTo(Outcome.APPLIED);
        assertThat(evaluations.handle(counted)).isEqualTo(Outcome.DUPLICATE);
        assertThat(notices.notices.values()).singleElement().satisfies(n -> {
            assertThat(n.recipientMemberId()).isEqualTo(new MemberId(an));
            assertThat(n.factKey()).isEqualTo("meeting-absent:" + meeting);
            assertThat(n.orgPath().value()).isEqualTo(PATH);
            assertThat(n.eventId()).isEqualTo(counted.envelope().id());
            assertThat(n.body()).contains("trong 2 tháng (các tháng 1 và 3)").contains("từ 3 tháng trở lên");
        });
        assertThat(evaluations.handle(scorecardEvent("evaluations.scorecard.rated", "{}")))
                .isEqualTo(Outcome.IGNORED);
    }

    @Test
    void aCountedAbsenceTheContractForbidsIsPoisonNamingTheField() {
        UUID an = UUID.randomUUID();
        assertThatThrownBy(() -> evaluations.handle(
                        scorecardEvent(absenceCounted(an, UUID.randomUUID(), "[1,\"3\"]", "WARNING"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageEndingWith(": unexcusedAbsenceMonths[1] is not an integer: \"3\"");
        assertThatThrownBy(() -> evaluations.handle(scorecardEvent(
                        absenceCounted(an, UUID.randomUUID(), "[1]", "NONE").replace("REGULAR", "PICNIC"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageEndingWith(": meeting.kind is not a known MeetingKind: 'PICNIC'");
        assertThatThrownBy(
                        () -> evaluations.handle(scorecardEvent(absenceCounted(an, UUID.randomUUID(), "[]", "NONE"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("at least one month");
        assertThat(notices.notices).isEmpty();
    }

    static InboundEvent scorecardEvent(String json) {
        return scorecardEvent("evaluations.scorecard.absence-counted", json);
    }

    static InboundEvent scorecardEvent(String type, String json) {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID().toString(),
                "/partycell/evaluation-service",
                type,
                UUID.randomUUID().toString(),
                Instant.parse("2026-03-05T15:00:00Z"),
                null,
                PATH);
        return new InboundEvent(
                envelope, json.getBytes(StandardCharsets.UTF_8), "evaluations.scorecard.v1", 0, 0, JSON);
    }

    String absenceCounted(UUID member, UUID meeting, String months, String level) {
        return """
                {"memberId":"%s","year":2026,"cellId":"%s","orgPath":"%s",
                 "meeting":{"meetingId":"%s","kind":"REGULAR","title":"Sinh hoạt tháng 3","startsAt":"%s","month":3},
                 "unexcusedAbsenceMonths":%s,"warningMonths":2,"reviewMonths":3,"removalReview":"%s","version":4,
                 "futureField":true}""".formatted(member, cell, PATH, meeting, STARTS, months, level);
    }

    @Test
    void membersThenAMeetingGiveTypedCallsAndNoticesOncePerPerson() {
        UUID an = UUID.randomUUID();
        assertThat(members.handle(event("members.member.registered", member(an, "FULL"))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(roster.member(new MemberId(an)))
                .hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MemberStatus.FULL));

        UUID meeting = UUID.randomUUID();
        assertThat(meetings.handle(event("meetings.meeting.scheduled", scheduled(meeting))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(meetings.handle(event("meetings.meeting.scheduled", scheduled(meeting))))
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(notices.notices).hasSize(1);
    }

    @Test
    void meetingNoticesGoToTheCellAMemberMeetsInAndToNobodyInTransit() {
        UUID attached = UUID.randomUUID();
        UUID inTransit = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        // Registered in another cell, attached (sinh hoạt tạm thời) to this one: told about its meetings.
        assertThat(members.handle(event(
                        "members.member.registered",
                        member(attached, "FULL")
                                .replace(cell.toString(), elsewhere.toString())
                                .replace("}", ",\"meetingCellId\":\"" + cell + "\",\"inTransit\":false}"))))
                .isEqualTo(Outcome.APPLIED);
        // Registered here but waiting for a transfer's answer: in no cell's roster.
        assertThat(members.handle(event(
                        "members.member.registered",
                        member(inTransit, "FULL").replace("}", ",\"meetingCellId\":null,\"inTransit\":true}"))))
                .isEqualTo(Outcome.APPLIED);

        assertThat(meetings.handle(event("meetings.meeting.scheduled", scheduled(UUID.randomUUID()))))
                .isEqualTo(Outcome.APPLIED);
        assertThat(notices.notices.values())
                .extracting(n -> n.recipientMemberId().value())
                .containsExactly(attached);
    }

    @Test
    void typesNotUsedHereAreIgnored() {
        // A cancellation is read now (its notice supersedes the others); an amendment is scoring's, not ours.
        assertThat(meetings.handle(event("meetings.meeting.amended", "{}"))).isEqualTo(Outcome.IGNORED);
        assertThatThrownBy(() -> meetings.handle(event("meetings.meeting.cancelled", "{}")))
                .isInstanceOf(PoisonEventException.class);
        assertThat(members.handle(event("members.org-unit.created", "{}"))).isEqualTo(Outcome.IGNORED);
    }

    @Test
    void whatTheContractForbidsIsPoison() {
        assertThatThrownBy(() -> meetings.handle(event(
                        "meetings.meeting.scheduled",
                        scheduled(UUID.randomUUID()).replace("REGULAR", "PICNIC"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("PICNIC");
        assertThatThrownBy(() -> meetings.handle(event(
                        "meetings.meeting.scheduled",
                        scheduled(UUID.randomUUID()).replace(PATH, "not-a-path"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("orgPath");
        assertThatThrownBy(() -> meetings.handle(event("meetings.meeting.scheduled", "{\"title\":\"x\"}")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageEndingWith(": meetingId is missing");
        assertThatThrownBy(() -> members.handle(event("members.member.updated", member(UUID.randomUUID(), "GONE"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("GONE");
        assertThat(roster.members).isEmpty();
        assertThat(notices.notices).isEmpty();
    }
}
