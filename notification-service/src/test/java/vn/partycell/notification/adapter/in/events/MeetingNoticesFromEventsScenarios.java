package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import vn.partycell.notification.application.RosterRepository;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.support.MeetingLoop;
import vn.partycell.platform.events.CloudEventHeaders;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The meeting-close loop as notification-service sees it, over a real broker: member events build
 * the roster, a scheduled meeting reaches every active member exactly once whatever is
 * redelivered, an absence evaluation-service counted reaches the member once quoting its figures
 * (a closed meeting alone reaches nobody), and poison goes to the DLTs while the consumers carry on.
 */
abstract class MeetingNoticesFromEventsScenarios {

    static final Instant STARTS = Instant.parse("2026-03-05T12:30:00Z");
    static final String TITLE = "Sinh hoạt chi bộ thường kỳ tháng 3/2026";
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RosterRepository roster;

    @Autowired
    MongoTemplate mongo;

    MeetingLoop loop;
    Http http;

    @BeforeEach
    void setUp() {
        loop = new MeetingLoop(brokers, "a");
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    private List<JsonNode> notices(UUID member, UUID meetingId, String kind) {
        String token = TestTokens.user("dv-" + member)
                .member(member)
                .grant(loop.cellPath, "member")
                .token();
        Http.Answer answer = http.get("/api/v1/notices?size=200", token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body()
                .path("content")
                .valueStream()
                .filter(n -> n.path("meetingId").asString().equals(meetingId.toString()))
                .filter(n -> n.path("kind").asString().equals(kind))
                .toList();
    }

    private double consumed(String topic, String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", topic, "group", "notification-service", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitRoster(Map<UUID, Long> versions) {
        await().atMost(WAIT)
                .untilAsserted(() -> versions.forEach((id, version) -> assertThat(
                                roster.member(new MemberId(id)).map(RosterMember::version))
                        .as("roster version of " + id)
                        .contains(version)));
    }

    private long storedNotices(UUID meetingId) {
        return mongo.count(Query.query(Criteria.where("meetingId").is(meetingId.toString())), "notices");
    }

    @Test
    void aScheduledMeetingReachesEveryActiveMemberOnceWhateverIsRedelivered() {
        UUID an = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        UUID cuong = UUID.randomUUID();
        loop.registered(an, "Nguyễn Văn An", "PROBATIONARY");
        // A newer producer may add fields; the consumer must ignore what it does not know.
        loop.member(
                "members.member.registered",
                binh,
                "Trần Thị Bình",
                "FULL",
                1,
                Map.of("partyCardNumberIssuedBy", "Ban Tổ chức Tỉnh ủy"));
        loop.registered(cuong, "Lê Văn Cường", "FULL");
        loop.updated(cuong, "Lê Văn Cường", "REMOVED", 2);
        MeetingLoop otherCell = new MeetingLoop(brokers, "a");
        UUID dung = UUID.randomUUID();
        otherCell.registered(dung, "Phạm Văn Dũng", "FULL");
        otherCell.close();
        awaitRoster(Map.of(an, 1L, binh, 1L, cuong, 2L, dung, 1L));

        UUID meetingId = UUID.randomUUID();
        String scheduled = loop.scheduled(meetingId, TITLE, STARTS);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notices(an, meetingId, "MEETING_SCHEDULED")).hasSize(1);
            assertThat(notices(binh, meetingId, "MEETING_SCHEDULED")).hasSize(1);
        });
        assertThat(notices(cuong, meetingId, "MEETING_SCHEDULED")).isEmpty();
        assertThat(notices(dung, meetingId, "MEETING_SCHEDULED")).isEmpty();

        JsonNode notice = notices(an, meetingId, "MEETING_SCHEDULED").getFirst();
        assertThat(notice.path("title").asString()).isEqualTo("Thông báo họp chi bộ: " + TITLE);
        assertThat(notice.path("body").asString())
                .contains("Chi bộ triệu tập sinh hoạt thường kỳ “" + TITLE + "”.")
                .contains("Thời gian: 19:30 thứ Năm, ngày 05/03/2026 (giờ Việt Nam).")
                .contains("Địa điểm: Phòng họp tầng 2, Sở Tư pháp.")
                .contains("1. Đánh giá kết quả thực hiện nhiệm vụ tháng 2\n")
                .contains("3. Kiểm điểm, tự phê bình của đảng viên\n");
        assertThat(notice.path("orgPath").asString()).isEqualTo(loop.cellPath);
        assertThat(notice.path("readAt").isNull()).isTrue();
        // createdAt is when the fact happened: the event's ce_time, not when it was processed.
        ConsumerRecord<String, byte[]> sent = loop.withId(MeetingLoop.MEETINGS, scheduled);
        Instant ceTime = Instant.parse(EventContractValidator.header(sent, CloudEventHeaders.TIME));
        assertThat(Instant.parse(notice.path("createdAt").asString())).isEqualTo(ceTime.truncatedTo(ChronoUnit.MILLIS));

        // The same event again, and the same fact under a new event id: nothing new.
        double duplicates = consumed(MeetingLoop.MEETINGS, "duplicate");
        loop.redeliver(
                scheduled, "meetings.meeting.scheduled", meetingId, loop.scheduledData(meetingId, TITLE, STARTS));
        loop.scheduled(meetingId, TITLE, STARTS);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(consumed(MeetingLoop.MEETINGS, "duplicate")).isEqualTo(duplicates + 2));
        assertThat(notices(an, meetingId, "MEETING_SCHEDULED")).hasSize(1);
        assertThat(notices(binh, meetingId, "MEETING_SCHEDULED")).hasSize(1);
        assertThat(storedNotices(meetingId)).isEqualTo(2);
        assertThat(mongo.find(
                        Query.query(Criteria.where("meetingId").is(meetingId.toString())), Document.class, "notices"))
                .allSatisfy(d -> assertThat(d.getString("eventId")).isEqualTo(scheduled));

        // What this test put on the wire honours the published contracts.
        List<ConsumerRecord<String, byte[]>> members =
                loop.onWire(MeetingLoop.MEMBERS, List.of(an.toString(), binh.toString(), cuong.toString()), 4);
        List<ConsumerRecord<String, byte[]>> meetings =
                loop.onWire(MeetingLoop.MEETINGS, List.of(meetingId.toString()), 3);
        assertThat(members).hasSize(4);
        assertThat(meetings).hasSize(3);
        assertThat(members)
                .allSatisfy(
                        r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        assertThat(meetings)
                .allSatisfy(
                        r -> assertThat(EventContractValidator.violations(r)).isEmpty());
    }

    @Test
    void aMemberTheRosterDidNotHaveYetIsReachedWhenTheMeetingIsPublishedAgain() {
        UUID an = UUID.randomUUID();
        loop.registered(an, "Nguyễn Văn An", "FULL");
        awaitRoster(Map.of(an, 1L));
        UUID meetingId = UUID.randomUUID();
        loop.scheduled(meetingId, TITLE, STARTS);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(notices(an, meetingId, "MEETING_SCHEDULED")).hasSize(1));

        // Registered after the meeting was announced: the first announcement did not reach her.
        UUID lan = UUID.randomUUID();
        loop.registered(lan, "Nguyễn Thị Lan", "PROBATIONARY");
        awaitRoster(Map.of(lan, 1L));
        assertThat(notices(lan, meetingId, "MEETING_SCHEDULED")).isEmpty();

        // meeting-service publishes the meeting again (a change, higher version): she gets it now, An not twice.
        loop.sendMeeting(
                "meetings.meeting.scheduled",
                meetingId,
                MeetingLoop.scheduledData(meetingId, loop.cellId, loop.cellPath, "REGULAR", TITLE, STARTS, 3));
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(notices(lan, meetingId, "MEETING_SCHEDULED")).hasSize(1));
        assertThat(notices(an, meetingId, "MEETING_SCHEDULED")).hasSize(1);
        assertThat(storedNotices(meetingId)).isEqualTo(2);
    }

    @Test
    void anAbsenceCountedByEvaluationReachesTheMemberOnceQuotingItsFiguresAndAClosedMeetingAloneNobody() {
        UUID absent = UUID.randomUUID();
        UUID warned = UUID.randomUUID();
        loop.registered(absent, "Trần Thị Bình", "FULL");
        awaitRoster(Map.of(absent, 1L));
        UUID meetingId = UUID.randomUUID();
        Map<UUID, String> attendance = new LinkedHashMap<>();
        attendance.put(absent, "ABSENT");
        attendance.put(warned, "ABSENT");
        // The minutes alone no longer word an absence: evaluation-service's count does.
        double ignored = consumed(MeetingLoop.MEETINGS, "ignored");
        loop.closed(meetingId, TITLE, STARTS, attendance);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(consumed(MeetingLoop.MEETINGS, "ignored")).isEqualTo(ignored + 1));
        assertThat(storedNotices(meetingId)).isZero();

        String counted = loop.absenceCounted(absent, meetingId, TITLE, STARTS, List.of(3), "NONE");
        // Not on this service's roster at all: the fact names the member.
        loop.absenceCounted(warned, meetingId, TITLE, STARTS, List.of(1, 3), "WARNING");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notices(absent, meetingId, "MEETING_ABSENT")).hasSize(1);
            assertThat(notices(warned, meetingId, "MEETING_ABSENT")).hasSize(1);
        });
        JsonNode notice = notices(absent, meetingId, "MEETING_ABSENT").getFirst();
        assertThat(notice.path("title").asString()).isEqualTo("Vắng họp không lý do: " + TITLE);
        assertThat(notice.path("body").asString())
                .contains("vắng mặt không có lý do tại buổi sinh hoạt thường kỳ “" + TITLE
                        + "” (thứ Năm, ngày 05/03/2026)")
                .contains("Trong năm 2026, đồng chí đã vắng sinh hoạt không lý do trong 1 tháng (tháng 3).")
                .contains("từ 3 tháng trở lên trong năm thì chi bộ phải xem xét, đề nghị xóa tên");
        assertThat(notices(warned, meetingId, "MEETING_ABSENT")
                        .getFirst()
                        .path("body")
                        .asString())
                .contains("trong 2 tháng (các tháng 1 và 3)")
                .contains("nếu vắng không lý do thêm 1 tháng nữa, chi bộ sẽ phải xem xét, đề nghị xóa tên đồng chí");

        // A redelivery, and the same fact under a new event id: no second notice.
        double duplicates = consumed(MeetingLoop.SCORECARDS, "duplicate");
        loop.redeliverScorecard(
                counted, absent, loop.absenceCountedData(absent, meetingId, TITLE, STARTS, List.of(3), "NONE"));
        loop.absenceCounted(absent, meetingId, TITLE, STARTS, List.of(3), "NONE");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(consumed(MeetingLoop.SCORECARDS, "duplicate"))
                        .isEqualTo(duplicates + 2));
        assertThat(notices(absent, meetingId, "MEETING_ABSENT")).hasSize(1);
        assertThat(storedNotices(meetingId)).isEqualTo(2);
        assertThat(loop.onWire(MeetingLoop.SCORECARDS, List.of(absent.toString(), warned.toString()), 4))
                .hasSize(4)
                .allSatisfy(
                        r -> assertThat(EventContractValidator.violations(r)).isEmpty());
    }

    @Test
    void aScorecardEventThatBreaksItsContractIsDeadLetteredAndTheConsumerGoesOn() {
        UUID member = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        String brokenId = loop.absenceCounted(member, broken, TITLE, STARTS, List.of(3), "DISMISSED");
        UUID meetingId = UUID.randomUUID();
        loop.absenceCounted(member, meetingId, TITLE, STARTS, List.of(3), "NONE");
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(notices(member, meetingId, "MEETING_ABSENT")).hasSize(1));

        ConsumerRecord<String, byte[]> dead = TopicProbe.read(
                        brokers,
                        "evaluations.scorecard.v1.notification-service.dlt",
                        WAIT,
                        r -> r.stream()
                                .anyMatch(x -> brokenId.equals(EventContractValidator.header(x, CloudEventHeaders.ID))))
                .stream()
                .filter(x -> brokenId.equals(EventContractValidator.header(x, CloudEventHeaders.ID)))
                .findFirst()
                .orElseThrow();
        assertThat(EventContractValidator.header(dead, "x-exception-message")).contains("removalReview");
        assertThat(EventContractValidator.header(dead, "x-original-topic")).isEqualTo(MeetingLoop.SCORECARDS);
        assertThat(storedNotices(broken)).isZero();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicsWithTheReasonAndTheConsumersGoOn() {
        String rawMeeting = "poison-" + UUID.randomUUID();
        String rawMember = "poison-" + UUID.randomUUID();
        loop.sendRaw(MeetingLoop.MEETINGS, rawMeeting, "{not json at all");
        loop.sendRaw(MeetingLoop.MEMBERS, rawMember, "{not json either");
        // A well-formed envelope whose data lacks startsAt: it can never be applied.
        UUID broken = UUID.randomUUID();
        String brokenId = loop.sendMeeting(
                "meetings.meeting.scheduled", broken, """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"REGULAR","title":"Thiếu giờ họp",
                 "place":"Hội trường","agenda":[],"version":2}""".formatted(broken, loop.cellId, loop.cellPath));

        UUID an = UUID.randomUUID();
        loop.registered(an, "Nguyễn Văn An", "FULL");
        awaitRoster(Map.of(an, 1L));
        UUID meetingId = UUID.randomUUID();
        loop.scheduled(meetingId, TITLE, STARTS);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(notices(an, meetingId, "MEETING_SCHEDULED")).hasSize(1));

        String meetingsDlt = "meetings.meeting.v1.notification-service.dlt";
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.read(
                brokers,
                meetingsDlt,
                WAIT,
                r -> r.stream().anyMatch(x -> rawMeeting.equals(x.key()))
                        && r.stream().anyMatch(x -> broken.toString().equals(x.key())));
        ConsumerRecord<String, byte[]> raw = dead.stream()
                .filter(r -> rawMeeting.equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(new String(raw.value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");
        assertThat(EventContractValidator.header(raw, "x-exception-message")).contains("ce_id");
        assertThat(EventContractValidator.header(raw, "x-original-topic")).isEqualTo(MeetingLoop.MEETINGS);
        ConsumerRecord<String, byte[]> invalid = dead.stream()
                .filter(r -> broken.toString().equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(EventContractValidator.header(invalid, "x-exception-message"))
                .contains(brokenId)
                .contains("startsAt");
        assertThat(EventContractValidator.header(invalid, CloudEventHeaders.ID)).isEqualTo(brokenId);
        assertThat(storedNotices(broken)).isZero();

        List<ConsumerRecord<String, byte[]>> deadMembers = TopicProbe.read(
                brokers,
                "members.member.v1.notification-service.dlt",
                WAIT,
                r -> r.stream().anyMatch(x -> rawMember.equals(x.key())));
        ConsumerRecord<String, byte[]> member = deadMembers.stream()
                .filter(r -> rawMember.equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(EventContractValidator.header(member, "x-exception-message")).contains("ce_id");
        assertThat(EventContractValidator.header(member, "x-original-topic")).isEqualTo(MeetingLoop.MEMBERS);

        assertThat(meters.find("partycell.events.dead_lettered")
                        .tags("topic", MeetingLoop.MEETINGS, "group", "notification-service")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
    }
}
