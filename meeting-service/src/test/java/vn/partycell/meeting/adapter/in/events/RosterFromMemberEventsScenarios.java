package vn.partycell.meeting.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * meeting-service's read model fed over a real broker: member-service's events (as its relay puts
 * them on the wire) build the cell roster; redeliveries change nothing; poison goes to the DLT
 * with the reason while the consumer carries on.
 */
abstract class RosterFromMemberEventsScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MeterRegistry meters;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";

    @BeforeEach
    void setUp() {
        events = new TestEvents(brokers);
        http = new Http(port);
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"cb-x","name":"Chi bộ Sở Tư pháp","kind":"CELL",
                 "parentId":"%s","orgPath":"%s","version":1}""".formatted(
                        cellId, UUID.randomUUID(), cellPath));
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private String member(UUID id, String name, String status, boolean exempted, long version) {
        return """
                {"memberId":"%s","fullName":"%s","gender":"MALE","dateOfBirth":"1980-02-03","cellId":"%s",
                 "partyGroupId":null,"orgPath":"%s","status":"%s","exempted":%s,"joinedOn":"2010-05-19",
                 "email":null,"version":%d}""".formatted(id, name, cellId, cellPath, status, exempted, version);
    }

    private JsonNode roster(String token) {
        Http.Answer answer = http.get("/api/v1/cells/" + cellId + "/roster", token);
        return answer.status() == 200 ? answer.body() : null;
    }

    private String secretary() {
        return TestTokens.user("bt").grant(cellPath, "secretary").token();
    }

    private double consumed(String outcome) {
        var counter = meters.find("partycell.events.consumed")
                .tags("topic", "members.member.v1", "group", "meeting-service", "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void memberEventsBuildTheRosterAndRedeliveriesChangeNothing() {
        UUID an = UUID.randomUUID();
        UUID binh = UUID.randomUUID();
        String registered = events.send(
                "members.member.v1",
                "members.member.registered",
                an.toString(),
                cellPath,
                member(an, "Nguyễn Văn An", "PROBATIONARY", false, 1));
        events.send(
                "members.member.v1",
                "members.member.registered",
                binh.toString(),
                cellPath,
                member(binh, "Trần Thị Bình", "FULL", false, 1));
        events.send(
                "members.member.v1",
                "members.member.updated",
                an.toString(),
                cellPath,
                member(an, "Nguyễn Văn An", "FULL", false, 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode roster = roster(secretary());
            assertThat(roster).isNotNull();
            assertThat(roster.path("quorumBase").asInt()).isEqualTo(2);
        });
        double duplicatesBefore = consumed("duplicate");

        // The same registration delivered again, and a stale snapshot: both are no-ops.
        events.sendWithId(
                registered,
                "members.member.v1",
                "members.member.registered",
                an.toString(),
                cellPath,
                member(an, "Nguyễn Văn An", "PROBATIONARY", false, 1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(consumed("duplicate")).isEqualTo(duplicatesBefore + 1));
        JsonNode roster = roster(secretary());
        assertThat(roster.path("members")).hasSize(2);
        assertThat(roster.path("quorumBase").asInt()).isEqualTo(2);
        JsonNode an2 = roster.path("members")
                .valueStream()
                .filter(m -> m.path("memberId").asString().equals(an.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(an2.path("status").asString()).isEqualTo("FULL");
        assertThat(an2.path("version").asLong()).isEqualTo(2);

        // The test's own events honour the published contract.
        List<ConsumerRecord<String, byte[]>> onWire =
                TopicProbe.read(brokers, "members.member.v1", Duration.ofSeconds(3), r -> false);
        onWire.stream()
                .filter(r -> r.key().equals(an.toString()))
                .forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        events.sendRaw("members.member.v1", poisonKey, "{not json at all");
        UUID after = UUID.randomUUID();
        events.send(
                "members.member.v1",
                "members.member.registered",
                after.toString(),
                cellPath,
                member(after, "Phạm Thị Cúc", "FULL", true, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode roster = roster(secretary());
            assertThat(roster).isNotNull();
            assertThat(roster.path("members").findValuesAsString("memberId")).contains(after.toString());
        });
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.read(
                brokers,
                "members.member.v1.meeting-service.dlt",
                Duration.ofSeconds(30),
                r -> r.stream().anyMatch(x -> poisonKey.equals(x.key())));
        ConsumerRecord<String, byte[]> letter =
                dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");
        assertThat(EventContractValidator.header(letter, "x-exception-message")).contains("ce_id");
        assertThat(EventContractValidator.header(letter, "x-original-topic")).isEqualTo("members.member.v1");
        assertThat(letter.headers().lastHeader("x-original-offset")).isNotNull();
        assertThat(meters.find("partycell.events.dead_lettered")
                        .tags("topic", "members.member.v1")
                        .counter())
                .isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void anotherCommitteeCannotSeeTheRoster() {
        UUID id = UUID.randomUUID();
        events.send(
                "members.member.v1",
                "members.member.registered",
                id.toString(),
                cellPath,
                member(id, "Lê Văn Dũng", "FULL", false, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster(secretary()) != null);
        String outsider = TestTokens.user("bt-b").grant("/hy/b/", "superior").token();
        assertThat(http.get("/api/v1/cells/" + cellId + "/roster", outsider).status())
                .isEqualTo(404);
        String superiorA = TestTokens.user("du-a").grant("/hy/a/", "superior").token();
        assertThat(http.get("/api/v1/cells/" + cellId + "/roster", superiorA).status())
                .isEqualTo(200);
    }

    @Test
    void aMoveOfTheCommitteeAboveCarriesTheCellAndItsRosterToTheNewPath() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        UUID committee = UUID.randomUUID();
        UUID cell = UUID.randomUUID();
        UUID an = UUID.randomUUID();
        String before = "/hy/k-" + tag + "/";
        String after = "/hy/m-" + tag + "/k-" + tag + "/";
        events.send("members.org-unit.v1", "members.org-unit.created", cell.toString(), before + "cb-1/", """
                {"orgUnitId":"%s","code":"cb-1","name":"Chi bộ 1","kind":"CELL","parentId":"%s",
                 "orgPath":"%scb-1/","version":1}""".formatted(
                        cell, committee, before));
        events.send("members.member.v1", "members.member.registered", an.toString(), before + "cb-1/", """
                {"memberId":"%s","fullName":"Nguyễn Văn An","gender":"MALE","dateOfBirth":"1980-02-03",
                 "cellId":"%s","partyGroupId":null,"orgPath":"%scb-1/","status":"FULL","exempted":false,
                 "joinedOn":"2010-05-19","email":null,"version":1}""".formatted(
                        an, cell, before));
        String oldSecretary = TestTokens.user("bt").grant(before, "secretary").token();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/api/v1/cells/" + cell + "/roster", oldSecretary)
                                .body()
                                .path("quorumBase")
                                .asInt())
                        .isEqualTo(1));

        String moved = """
                {"orgUnitId":"%s","code":"k-%s","name":"Đảng ủy K","kind":"COMMITTEE","parentId":"%s",
                 "orgPath":"%s","previousOrgPath":"%s","version":2}""".formatted(committee, tag, UUID.randomUUID(), after, before);
        events.send("members.org-unit.v1", "members.org-unit.moved", committee.toString(), after, moved);
        // A redelivery of the same move changes nothing.
        events.send("members.org-unit.v1", "members.org-unit.moved", committee.toString(), after, moved);

        String newSecretary = TestTokens.user("bt").grant(after, "secretary").token();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Http.Answer roster = http.get("/api/v1/cells/" + cell + "/roster", newSecretary);
            assertThat(roster.status()).isEqualTo(200);
            assertThat(roster.body().path("quorumBase").asInt()).isEqualTo(1);
        });
        assertThat(http.get("/api/v1/cells/" + cell + "/roster", oldSecretary).status())
                .isEqualTo(404);
    }
}
