package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.notification.application.InMemoryNoticeRepository;
import vn.partycell.notification.application.InMemoryRosterRepository;
import vn.partycell.notification.application.MeetingNoticeReactions;
import vn.partycell.notification.application.RosterProjection;
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
    final MeetingEventHandler meetings = new MeetingEventHandler(new MeetingNoticeReactions(roster, notices));
    final MemberEventHandler members = new MemberEventHandler(new RosterProjection(roster));
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
    void aClosedMeetingWithoutAbsenteesHasNoEffect() {
        String json = """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"REGULAR","title":"Sinh hoạt tháng 3",
                 "startsAt":"%s","closedAt":"%s","year":2026,"month":3,
                 "attendance":[{"memberId":"%s","status":"PRESENT","reason":null,"spoke":true},
                               {"memberId":"%s","status":"EXCUSED","reason":"Ốm","spoke":false}],
                 "quorum":{"eligible":2,"present":1,"required":2},"version":5}""".formatted(
                UUID.randomUUID(), cell, PATH, STARTS, STARTS.plusSeconds(7200), UUID.randomUUID(), UUID.randomUUID());
        assertThat(meetings.handle(event("meetings.meeting.closed", json))).isEqualTo(Outcome.NO_EFFECT);
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
        assertThat(meetings.handle(event("meetings.meeting.cancelled", "{}"))).isEqualTo(Outcome.IGNORED);
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
                .hasMessageContaining("meetingId");
        assertThatThrownBy(() -> members.handle(event("members.member.updated", member(UUID.randomUUID(), "GONE"))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("GONE");
        assertThat(roster.members).isEmpty();
        assertThat(notices.notices).isEmpty();
    }
}
