package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.evaluation.application.PolicyProperties;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * evaluation-service fed over a real broker: meeting-service's closed meetings (as its relay puts
 * them on the wire) build each member's yearly scorecard, whose every number traces back to its
 * meetings; redeliveries change nothing; poison goes to the DLT while the consumer carries on; the
 * removal-review list follows the year's policy; scope is the cell's org path or the member.
 */
abstract class ScorecardsFromMeetingEventsScenarios {

    static final String DLT = "meetings.meeting.v1.evaluation-service.dlt";
    static final String SCORECARD_TOPIC = "evaluations.scorecard.v1";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    @Autowired
    PolicyProperties policy;

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

    private String secretary() {
        return TestTokens.user("bt").grant(cellPath, "secretary").token();
    }

    private Http.Answer scorecard(UUID member, Integer year, String token) {
        return http.get("/api/v1/scorecards/" + member + (year == null ? "" : "?year=" + year), token);
    }

    private JsonNode scorecardOnceItHas(UUID member, int year, int meetings) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Answer answer = scorecard(member, year, secretary());
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.body()
                            .path("totals")
                            .path("meetings")
                            .path("count")
                            .asInt())
                    .isEqualTo(meetings);
        });
        return scorecard(member, year, secretary()).body();
    }

    private double consumed(String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", "meetings.meeting.v1", "group", "evaluation-service", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<String> ids(JsonNode count) {
        return count.path("meetings").findValuesAsString("meetingId");
    }

    private void assertOnTheWireHonourTheContract(Set<UUID> meetings) {
        Set<String> keys = meetings.stream().map(UUID::toString).collect(Collectors.toSet());
        List<ConsumerRecord<String, byte[]>> onWire = TopicProbe.read(
                brokers,
                ClosedMeetingEvent.TOPIC,
                Duration.ofSeconds(20),
                r -> r.stream().filter(x -> keys.contains(x.key())).count() >= keys.size());
        List<ConsumerRecord<String, byte[]>> ours =
                onWire.stream().filter(r -> keys.contains(r.key())).toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(keys.size());
        ours.forEach(r ->
                assertThat(EventContractValidator.violations(r)).as(r.key()).isEmpty());
    }

    @Test
    void closedMeetingsBuildAScorecardWhoseEveryNumberTracesToItsMeetings() {
        ClosedMeetingEvent january = ClosedMeetingEvent.regular(cellId, cellPath, "2025-01-06T01:00:00Z")
                .attend(an, "PRESENT", true)
                .attend(binh, "ABSENT", false);
        // 18:30 UTC on 28 February is 01:30 on 1 March in Viet Nam: it counts for March.
        ClosedMeetingEvent earlyMarch = ClosedMeetingEvent.regular(cellId, cellPath, "2025-02-28T18:30:00Z")
                .attend(an, "LATE", true)
                .attend(binh, "EXCUSED", false);
        ClosedMeetingEvent thematic = ClosedMeetingEvent.thematic(cellId, cellPath, "2025-03-20T01:00:00Z")
                .attend(an, "EXCUSED", false)
                .attend(binh, "PRESENT", true);
        ClosedMeetingEvent upcoming = ClosedMeetingEvent.regular(cellId, cellPath, "2025-04-05T01:00:00Z");
        january.send(events);
        upcoming.sendScheduled(events);
        earlyMarch.send(events);
        thematic.send(events);

        JsonNode card = scorecardOnceItHas(an, 2025, 3);

        assertThat(card.path("memberId").asString()).isEqualTo(an.toString());
        assertThat(card.path("year").asInt()).isEqualTo(2025);
        assertThat(card.path("cellId").asString()).isEqualTo(cellId.toString());
        assertThat(card.path("orgPath").asString()).isEqualTo(cellPath);
        JsonNode totals = card.path("totals");
        assertThat(totals.path("attended").path("count").asInt()).isEqualTo(2);
        assertThat(ids(totals.path("attended")))
                .containsExactly(january.meetingId.toString(), earlyMarch.meetingId.toString());
        assertThat(totals.path("late").path("count").asInt()).isEqualTo(1);
        assertThat(totals.path("excused").path("count").asInt()).isEqualTo(1);
        assertThat(ids(totals.path("excused"))).containsExactly(thematic.meetingId.toString());
        assertThat(totals.path("missed").path("count").asInt()).isZero();
        assertThat(totals.path("spoke").path("count").asInt()).isEqualTo(2);

        JsonNode late = totals.path("late").path("meetings").get(0);
        assertThat(late.path("meetingId").asString()).isEqualTo(earlyMarch.meetingId.toString());
        assertThat(late.path("title").asString()).isEqualTo("Sinh hoạt chi bộ thường kỳ tháng 3/2025");
        assertThat(Instant.parse(late.path("startsAt").asString())).isEqualTo(earlyMarch.startsAt);
        assertThat(late.path("month").asInt()).isEqualTo(3);
        assertThat(late.path("status").asString()).isEqualTo("LATE");
        assertThat(late.path("spoke").asBoolean()).isTrue();
        assertThat(late.path("kind").asString()).isEqualTo("REGULAR");

        JsonNode months = card.path("months");
        assertThat(months).hasSize(12);
        JsonNode march = months.get(2);
        assertThat(march.path("month").asInt()).isEqualTo(3);
        assertThat(march.path("figures").path("attended").path("count").asInt()).isEqualTo(1);
        assertThat(march.path("figures").path("late").path("count").asInt()).isEqualTo(1);
        assertThat(ids(march.path("figures").path("excused"))).containsExactly(thematic.meetingId.toString());
        assertThat(months.get(1).path("figures").path("meetings").path("count").asInt())
                .isZero();
        assertThat(ids(months.get(0).path("figures").path("spoke"))).containsExactly(january.meetingId.toString());
        assertThat(card.path("removalReview").path("level").isNull()).isTrue();

        JsonNode binhCard = scorecardOnceItHas(binh, 2025, 3);
        assertThat(binhCard.path("totals").path("missed").path("count").asInt()).isEqualTo(1);
        assertThat(ids(binhCard.path("totals").path("missed"))).containsExactly(january.meetingId.toString());
        assertThat(binhCard.path("removalReview").path("months").valueStream().map(JsonNode::asInt))
                .containsExactly(1);
        assertThat(binhCard.path("removalReview").path("level").isNull()).isTrue();
        assertThat(binhCard.path("removalReview")
                        .path("unexcusedAbsenceMonthCount")
                        .asInt())
                .isEqualTo(1);

        assertOnTheWireHonourTheContract(Set.of(january.meetingId, earlyMarch.meetingId, thematic.meetingId));
    }

    @Test
    void aRedeliveryAndASecondEventAboutTheSameMeetingChangeNothing() {
        ClosedMeetingEvent meeting = ClosedMeetingEvent.regular(cellId, cellPath, "2025-05-05T01:00:00Z")
                .attend(an, "PRESENT", true)
                .attend(binh, "ABSENT", false);
        String eventId = meeting.send(events);
        JsonNode before = scorecardOnceItHas(an, 2025, 1);
        JsonNode binhBefore = scorecardOnceItHas(binh, 2025, 1);
        double duplicates = consumed("duplicate");

        meeting.sendAgain(events, eventId);
        meeting.retitled("Sinh hoạt chi bộ (biên bản sửa)").send(events);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + 2));
        assertThat(scorecard(an, 2025, secretary()).body()).isEqualTo(before);
        assertThat(scorecard(binh, 2025, secretary()).body()).isEqualTo(binhBefore);
        assertOnTheWireHonourTheContract(Set.of(meeting.meetingId));
    }

    /**
     * The fact notification-service words: each unexcused absence a closed meeting adds to a
     * scorecard is published once through the scorecard's outbox, with the months so far and the
     * year's policy; attendance publishes nothing and a redelivery adds nothing, so publishes nothing.
     */
    @Test
    void eachUnexcusedAbsenceIsPublishedOnceWithTheMonthsSoFarAndTheYearsPolicy() {
        RemovalReviewPolicy rule = policy.removalReview(2025);
        ClosedMeetingEvent january = ClosedMeetingEvent.regular(cellId, cellPath, "2025-01-06T01:00:00Z")
                .attend(an, "PRESENT", true)
                .attend(binh, "ABSENT", false);
        ClosedMeetingEvent february = ClosedMeetingEvent.regular(cellId, cellPath, "2025-02-05T01:00:00Z")
                .attend(an, "EXCUSED", false)
                .attend(binh, "ABSENT", false);
        january.send(events);
        String februaryEvent = february.send(events);
        scorecardOnceItHas(binh, 2025, 2);
        double duplicates = consumed("duplicate");
        february.sendAgain(events, februaryEvent);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicates + 1));

        List<ConsumerRecord<String, byte[]>> counted =
                TopicProbe.read(brokers, SCORECARD_TOPIC, Duration.ofSeconds(5), r -> false).stream()
                        .filter(r -> r.key().equals(binh.toString()) || r.key().equals(an.toString()))
                        .toList();
        assertThat(counted).extracting(ConsumerRecord::key).containsExactly(binh.toString(), binh.toString());
        counted.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        assertThat(counted)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsOnly("evaluations.scorecard.absence-counted");
        assertThat(counted)
                .extracting(r -> EventContractValidator.header(r, "ce_source"))
                .containsOnly("/partycell/evaluation-service");
        JsonNode first = JSON.readTree(counted.get(0).value());
        JsonNode second = JSON.readTree(counted.get(1).value());
        assertThat(first.path("memberId").asString()).isEqualTo(binh.toString());
        assertThat(first.path("year").asInt()).isEqualTo(2025);
        assertThat(first.path("cellId").asString()).isEqualTo(cellId.toString());
        assertThat(first.path("orgPath").asString()).isEqualTo(cellPath);
        assertThat(first.path("meeting").path("meetingId").asString()).isEqualTo(january.meetingId.toString());
        assertThat(first.path("meeting").path("month").asInt()).isEqualTo(1);
        assertThat(first.path("unexcusedAbsenceMonths").valueStream().map(JsonNode::asInt))
                .containsExactly(1);
        assertThat(first.path("version").asInt()).isEqualTo(1);
        assertThat(second.path("meeting").path("meetingId").asString()).isEqualTo(february.meetingId.toString());
        assertThat(second.path("unexcusedAbsenceMonths").valueStream().map(JsonNode::asInt))
                .containsExactly(1, 2);
        assertThat(second.path("version").asInt()).isEqualTo(2);
        for (JsonNode fact : List.of(first, second)) {
            assertThat(fact.path("warningMonths").asInt()).isEqualTo(rule.warningMonths());
            assertThat(fact.path("reviewMonths").asInt()).isEqualTo(rule.reviewMonths());
        }
        assertThat(first.path("removalReview").asString()).isEqualTo(rule.warningMonths() <= 1 ? "WARNING" : "NONE");
        assertThat(second.path("removalReview").asString())
                .isEqualTo(rule.reviewMonths() <= 2 ? "REVIEW" : rule.warningMonths() <= 2 ? "WARNING" : "NONE");
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        String rawKey = "poison-" + UUID.randomUUID();
        events.sendRaw(ClosedMeetingEvent.TOPIC, rawKey, "{not json at all");
        // A well-formed envelope whose month is not the month of startsAt in Viet Nam.
        ClosedMeetingEvent wrongMonth = ClosedMeetingEvent.regular(cellId, cellPath, "2025-06-05T01:00:00Z")
                .attend(an, "PRESENT", true);
        events.send(
                ClosedMeetingEvent.TOPIC,
                ClosedMeetingEvent.CLOSED,
                wrongMonth.meetingId.toString(),
                cellPath,
                wrongMonth.json().replace("\"month\":6", "\"month\":7"));
        ClosedMeetingEvent after = ClosedMeetingEvent.regular(cellId, cellPath, "2025-07-05T01:00:00Z")
                .attend(an, "PRESENT", false);
        after.send(events);

        JsonNode card = scorecardOnceItHas(an, 2025, 1);
        assertThat(ids(card.path("totals").path("meetings"))).containsExactly(after.meetingId.toString());

        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.read(
                brokers,
                DLT,
                Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> rawKey.equals(x.key()))
                        && r.stream()
                                .anyMatch(x -> wrongMonth.meetingId.toString().equals(x.key())));
        ConsumerRecord<String, byte[]> raw =
                dead.stream().filter(r -> rawKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(raw.value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");
        assertThat(EventContractValidator.header(raw, "x-exception-message")).contains("ce_id");
        assertThat(EventContractValidator.header(raw, "x-original-topic")).isEqualTo(ClosedMeetingEvent.TOPIC);
        ConsumerRecord<String, byte[]> invalid = dead.stream()
                .filter(r -> wrongMonth.meetingId.toString().equals(r.key()))
                .findFirst()
                .orElseThrow();
        assertThat(EventContractValidator.header(invalid, "x-exception-message"))
                .contains("is not the month of startsAt");
        assertThat(meters.find("partycell.events.dead_lettered")
                        .tags("topic", ClosedMeetingEvent.TOPIC, "group", "evaluation-service")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void theRemovalReviewListWarnsAndCallsForReviewByThePolicyOfTheYear() {
        RemovalReviewPolicy rule = policy.removalReview(2025);
        UUID warned = UUID.randomUUID();
        UUID reviewed = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        UUID oneBadMonth = UUID.randomUUID();
        for (int month = 1; month <= rule.reviewMonths(); month++) {
            ClosedMeetingEvent m = ClosedMeetingEvent.regular(
                            cellId, cellPath, "2025-%02d-05T01:00:00Z".formatted(month))
                    .attend(warned, month <= rule.warningMonths() ? "ABSENT" : "PRESENT", false)
                    .attend(reviewed, "ABSENT", false)
                    .attend(fine, month < rule.warningMonths() ? "ABSENT" : "EXCUSED", false)
                    .attend(oneBadMonth, month == 1 ? "ABSENT" : "PRESENT", true);
            m.send(events);
        }
        // A second unexcused absence in January: still one month.
        ClosedMeetingEvent.thematic(cellId, cellPath, "2025-01-20T01:00:00Z")
                .attend(oneBadMonth, "ABSENT", false)
                .send(events);
        scorecardOnceItHas(reviewed, 2025, rule.reviewMonths());
        scorecardOnceItHas(oneBadMonth, 2025, rule.reviewMonths() + 1);

        Http.Answer list = http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2025", secretary());
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        JsonNode content = list.body().path("content");
        assertThat(content.findValuesAsString("memberId")).containsExactly(reviewed.toString(), warned.toString());
        assertThat(content.get(0).path("level").asString()).isEqualTo("REVIEW");
        assertThat(content.get(0).path("unexcusedAbsenceMonthCount").asInt()).isEqualTo(rule.reviewMonths());
        assertThat(content.get(0).path("meetings")).hasSize(rule.reviewMonths());
        assertThat(content.get(0).path("policy").path("reviewMonths").asInt()).isEqualTo(rule.reviewMonths());
        JsonNode warning = content.get(1);
        assertThat(warning.path("level").asString()).isEqualTo("WARNING");
        assertThat(warning.path("months").valueStream().map(JsonNode::asInt).toList())
                .isEqualTo(
                        IntStream.rangeClosed(1, rule.warningMonths()).boxed().toList());
        assertThat(warning.path("meetings").findValuesAsString("status")).containsOnly("ABSENT");
        assertThat(list.body().path("page").path("totalElements").asLong()).isEqualTo(2);

        Http.Answer firstPage = http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2025&size=1", secretary());
        assertThat(firstPage.body().path("content").findValuesAsString("memberId"))
                .containsExactly(reviewed.toString());
        assertThat(firstPage.body().path("page").path("totalPages").asInt()).isEqualTo(2);

        JsonNode warnedCard = scorecard(warned, 2025, secretary()).body();
        assertThat(warnedCard.path("removalReview").path("level").asString()).isEqualTo("WARNING");

        // Another committee's secretary learns nothing: neither the list nor the scorecard exists for them.
        String outsider = TestTokens.user("bt-b").grant("/hy/b/", "secretary").token();
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2025", outsider)
                        .status())
                .isEqualTo(404);
        Http.Answer hidden = scorecard(warned, 2025, outsider);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        // A plain member of the cell may read it but not act on it.
        String member = TestTokens.user("dv").grant(cellPath, "member").token();
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2025", member)
                        .status())
                .isEqualTo(403);
        String superior = TestTokens.user("du-a").grant("/hy/a/", "superior").token();
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2025", superior)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + UUID.randomUUID() + "&year=2025", superior)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=2024", secretary())
                        .body()
                        .path("content"))
                .isEmpty();
    }

    @Test
    void aMemberReadsTheirOwnScorecardAndOnlyThatWithoutAGrantOverIt() {
        ClosedMeetingEvent meeting = ClosedMeetingEvent.regular(cellId, cellPath, "2025-08-05T01:00:00Z")
                .attend(an, "PRESENT", true)
                .attend(binh, "LATE", false);
        meeting.send(events);
        scorecardOnceItHas(binh, 2025, 1);

        String anInCell =
                TestTokens.user("an").member(an).grant(cellPath, "member").token();
        Http.Answer own = scorecard(an, 2025, anInCell);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("totals").path("spoke").path("count").asInt())
                .isEqualTo(1);
        // A colleague in the same cell, with only the member role, may not read it.
        assertThat(scorecard(binh, 2025, anInCell).status()).isEqualTo(403);

        // Moved to another cell since: no grant over the old cell, still their own scorecard.
        String anMoved = TestTokens.user("an")
                .member(an)
                .grant("/hy/b/cb-khac/", "member")
                .token();
        assertThat(scorecard(an, 2025, anMoved).status()).isEqualTo(200);
        assertThat(scorecard(binh, 2025, anMoved).status()).isEqualTo(404);
        Http.Answer otherYear = scorecard(an, 2024, anInCell);
        assertThat(otherYear.status()).isEqualTo(404);
        assertThat(otherYear.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theYearDefaultsToTheCurrentYearInVietNamAndIsChecked() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClosedMeetingEvent meeting =
                ClosedMeetingEvent.regular(cellId, cellPath, now.toString()).attend(an, "PRESENT", true);
        meeting.send(events);
        scorecardOnceItHas(an, meeting.year(), 1);

        Http.Answer current = scorecard(an, null, secretary());
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("year").asInt()).isEqualTo(meeting.year());

        for (String year : List.of("1929", "2101")) {
            Http.Answer bad = http.get("/api/v1/scorecards/" + an + "?year=" + year, secretary());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(bad.body().path("errors").findValuesAsString("field")).containsExactly("year");
        }
        Http.Answer listBad = http.get("/api/v1/removal-reviews?cellId=" + cellId + "&year=1900", secretary());
        assertThat(listBad.status()).isEqualTo(400);
        assertThat(listBad.body().path("errors").findValuesAsString("field")).containsExactly("year");
        Http.Answer notANumber = http.get("/api/v1/scorecards/" + an + "?year=abc", secretary());
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().path("errors").findValuesAsString("field")).containsExactly("year");
        Http.Answer noCell = http.get("/api/v1/removal-reviews", secretary());
        assertThat(noCell.status()).isEqualTo(400);
        assertThat(noCell.body().path("errors").findValuesAsString("field")).containsExactly("cellId");
    }

    @Test
    void everyCallNeedsAToken() {
        Http.Answer scorecard = scorecard(an, 2025, null);
        assertThat(scorecard.status()).isEqualTo(401);
        assertThat(scorecard.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/removal-reviews?cellId=" + cellId, null).status())
                .isEqualTo(401);
    }

    @Test
    void aMoveOfTheCommitteeAboveCarriesTheScorecardsToTheNewPathOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID cell = UUID.randomUUID();
        UUID committee = UUID.randomUUID();
        String before = "/hy/k-" + tag + "/";
        String after = "/hy/m-" + tag + "/k-" + tag + "/";
        ClosedMeetingEvent.regular(cell, before + "cb-1/", "2025-09-05T01:00:00Z")
                .attend(an, "PRESENT", true)
                .send(events);
        String oldSecretary = TestTokens.user("bt").grant(before, "secretary").token();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(scorecard(an, 2025, oldSecretary).status()).isEqualTo(200));

        String moved = """
                {"orgUnitId":"%s","code":"k-%s","name":"Đảng ủy K","kind":"COMMITTEE","parentId":"%s",
                 "orgPath":"%s","previousOrgPath":"%s","version":2}""".formatted(committee, tag, UUID.randomUUID(), after, before);
        events.send("members.org-unit.v1", "members.org-unit.moved", committee.toString(), after, moved);
        events.send("members.org-unit.v1", "members.org-unit.moved", committee.toString(), after, moved);

        String newSecretary = TestTokens.user("bt").grant(after, "secretary").token();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Answer card = scorecard(an, 2025, newSecretary);
            assertThat(card.status()).isEqualTo(200);
            assertThat(card.body().path("orgPath").asString()).isEqualTo(after + "cb-1/");
        });
        assertThat(scorecard(an, 2025, oldSecretary).status()).isEqualTo(404);
    }
}
