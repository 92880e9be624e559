package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.evaluation.application.CellGrades;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.GradedMeeting;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * meetings.meeting.amended and meetings.meeting.graded over the embedded broker: an approved
 * amendment corrects the member's line on the scorecard once (the figures follow it, the meeting
 * behind each figure names the amendment and the line it replaced), whatever order it arrives in
 * relative to its closed meeting; the superior's grade is kept per cell and month, the latest
 * revision in force.
 */
@ServiceIntegrationTest
class AmendmentsAndGradesIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CellGrades grades;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    final UUID an = UUID.randomUUID();
    final UUID binh = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        events = new TestEvents(brokers);
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private JsonNode scorecard(UUID member) {
        Http.Answer answer = http.get(
                "/api/v1/scorecards/" + member + "?year=2025",
                TestTokens.user("bt").grant(cellPath, "secretary").token());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static int total(JsonNode scorecard, String figure) {
        return scorecard.path("totals").path(figure).path("count").asInt();
    }

    private double consumed(String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", ClosedMeetingEvent.TOPIC, "group", "evaluation-service", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anApprovedAmendmentCorrectsTheLinesOnceAndEveryFigureNamesIt() {
        ClosedMeetingEvent march = ClosedMeetingEvent.regular(cellId, cellPath, "2025-03-05T01:00:00Z")
                .attend(an, "ABSENT", false)
                .attend(binh, "PRESENT", true);
        march.send(events);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(total(scorecard(an), "missed")).isEqualTo(1));

        UUID first = UUID.randomUUID();
        Instant approved = Instant.parse("2025-03-08T02:00:00Z");
        String[] lines = {
            ClosedMeetingEvent.correction(an, "ABSENT", false, "EXCUSED", false),
            ClosedMeetingEvent.correction(binh, "PRESENT", true, "LATE", true)
        };
        String eventId = march.sendAmended(events, first, approved, lines);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(total(scorecard(an), "excused")).isEqualTo(1));
        JsonNode corrected = scorecard(an);
        assertThat(total(corrected, "missed")).isZero();
        assertThat(corrected
                        .path("removalReview")
                        .path("unexcusedAbsenceMonthCount")
                        .asInt())
                .isZero();
        JsonNode line =
                corrected.path("totals").path("excused").path("meetings").path(0);
        assertThat(line.path("meetingId").asString()).isEqualTo(march.meetingId.toString());
        assertThat(line.path("status").asString()).isEqualTo("EXCUSED");
        assertThat(line.path("amendments")).hasSize(1);
        assertThat(line.path("amendments").path(0).path("amendmentId").asString())
                .isEqualTo(first.toString());
        assertThat(line.path("amendments").path(0).path("beforeStatus").asString())
                .isEqualTo("ABSENT");
        JsonNode binhCard = scorecard(binh);
        assertThat(total(binhCard, "late")).isEqualTo(1);
        assertThat(total(binhCard, "attended")).isEqualTo(1);
        assertThat(total(binhCard, "spoke")).isEqualTo(1);

        // The same amendment again (a redelivery, and a second event naming it): nothing changes.
        double duplicates = consumed("duplicate");
        events.sendWithId(
                eventId,
                ClosedMeetingEvent.TOPIC,
                ClosedMeetingEvent.AMENDED,
                march.meetingId.toString(),
                cellPath,
                march.amendedJson(first, approved, lines));
        march.sendAmended(events, first, approved, lines);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + 2));
        assertThat(scorecard(an)).isEqualTo(corrected);
        assertThat(scorecard(binh)).isEqualTo(binhCard);

        // A second amendment makes the absence unexcused again: counted and announced as one.
        UUID second = UUID.randomUUID();
        march.sendAmended(
                events,
                second,
                approved.plusSeconds(3600),
                ClosedMeetingEvent.correction(an, "EXCUSED", false, "ABSENT", false));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(total(scorecard(an), "missed")).isEqualTo(1));
        JsonNode again = scorecard(an);
        assertThat(again.path("totals")
                        .path("missed")
                        .path("meetings")
                        .path(0)
                        .path("amendments")
                        .findValuesAsString("amendmentId"))
                .containsExactly(first.toString(), second.toString());
        List<ConsumerRecord<String, byte[]>> counted = TopicProbe.read(
                        brokers,
                        "evaluations.scorecard.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream()
                                        .filter(x -> x.key().equals(an.toString()))
                                        .count()
                                >= 2)
                .stream()
                .filter(r -> r.key().equals(an.toString()))
                .toList();
        assertThat(counted).hasSize(2);
        counted.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode announced = JSON.readTree(counted.get(1).value());
        assertThat(announced.path("meeting").path("meetingId").asString()).isEqualTo(march.meetingId.toString());
        assertThat(announced.path("version").asInt()).isEqualTo(3); // one meeting, two amendments
    }

    @Test
    void anAmendmentReadBeforeItsClosedMeetingGivesTheSameScorecard() {
        UUID chi = UUID.randomUUID();
        ClosedMeetingEvent april = ClosedMeetingEvent.regular(cellId, cellPath, "2025-04-04T01:00:00Z")
                .attend(chi, "ABSENT", false)
                .attend(an, "PRESENT", false);
        UUID amendment = UUID.randomUUID();
        april.sendAmended(
                events,
                amendment,
                Instant.parse("2025-04-06T02:00:00Z"),
                ClosedMeetingEvent.correction(chi, "ABSENT", false, "PRESENT", true));
        april.send(events);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(total(scorecard(an), "attended")).isGreaterThanOrEqualTo(1));
        JsonNode card = scorecard(chi);
        assertThat(total(card, "meetings")).isEqualTo(1);
        assertThat(total(card, "attended")).isEqualTo(1);
        assertThat(total(card, "spoke")).isEqualTo(1);
        assertThat(total(card, "missed")).isZero();
        assertThat(card.path("totals")
                        .path("spoke")
                        .path("meetings")
                        .path(0)
                        .path("amendments")
                        .path(0)
                        .path("amendmentId")
                        .asString())
                .isEqualTo(amendment.toString());
    }

    @Test
    void theSuperiorsGradeIsKeptPerCellAndMonthTheLatestRevisionInForce() {
        ClosedMeetingEvent may = ClosedMeetingEvent.regular(cellId, cellPath, "2025-05-06T01:00:00Z")
                .attend(an, "PRESENT", true);
        ClosedMeetingEvent thematic = ClosedMeetingEvent.thematic(cellId, cellPath, "2025-05-20T01:00:00Z")
                .attend(an, "PRESENT", false);
        may.sendGraded(events, 1, "GOOD");
        may.sendGraded(events, 2, "AVERAGE");
        thematic.sendGraded(events, 1, "FAIR");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(grades.inMonth(new CellId(cellId), 2025, 5))
                        .extracting(GradedMeeting::revision)
                        .containsExactlyInAnyOrder(2, 1));
        double duplicates = consumed("duplicate");
        may.sendGraded(events, 1, "GOOD"); // an older revision, read again: the correction stays in force
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + 1));
        List<GradedMeeting> inMay = grades.inMonth(new CellId(cellId), 2025, 5);
        GradedMeeting regular = inMay.stream()
                .filter(g -> g.meetingId().value().equals(may.meetingId))
                .findFirst()
                .orElseThrow();
        assertThat(regular.grade()).isEqualTo("AVERAGE");
        assertThat(regular.revision()).isEqualTo(2);
        assertThat(regular.rank()).isEqualTo(2);
        assertThat(inMay.stream()
                        .filter(g -> g.meetingId().value().equals(thematic.meetingId))
                        .map(GradedMeeting::grade))
                .containsExactly("FAIR");
        assertThat(grades.inMonth(new CellId(cellId), 2025, 6)).isEmpty();
    }
}
