package vn.partycell.member.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The cell's roles follow the elections of its congress (meetings.congress.elected), over a real
 * broker, the Mongo wire protocol and real HTTP: the old secretary's role ends and the elected one's
 * begins on the congress's day, a redelivery and a replayed older election change nothing, the role
 * events are published against their schemas, and an election naming an unknown member goes to the
 * dead-letter topic while the consumer goes on.
 */
@ServiceIntegrationTest
class CongressElectionsIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final String TOPIC = "meetings.congress.v1";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    TestEvents events;
    final String admin = TestTokens.admin();
    String cell;
    String cellPath;

    @BeforeEach
    void cell() {
        http = new Http(port);
        events = new TestEvents(brokers);
        String code = "dh" + System.nanoTime() % 1_000_000;
        String province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        String committee =
                created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy A", "COMMITTEE", province)));
        Answer c = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committee));
        cell = created(c);
        cellPath = c.text("orgPath");
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void theElectedTakeTheirRolesFromTheCongressDayOnceAndTheFormerHoldersEndTheirs() {
        String an = register("Nguyễn Văn An");
        String binh = register("Trần Thị Bình");
        String chi = register("Lê Văn Chi");
        assign(an, "SECRETARY", "2020-07-01");
        String chiCommittee = assign(chi, "COMMITTEE_MEMBER", "2020-07-01");

        String secretaryElection = elected("SECRETARY", List.of(binh), "2025-06-12");
        String first = events.send(TOPIC, "meetings.congress.elected", cell, cellPath, secretaryElection);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(current("SECRETARY")).containsExactly(binh));
        JsonNode formerSecretary = roles().stream()
                .filter(r -> r.path("memberId").asString().equals(an))
                .findFirst()
                .orElseThrow();
        assertThat(formerSecretary.path("until").asString()).isEqualTo("2025-06-12");
        assertThat(formerSecretary.path("current").asBoolean()).isFalse();
        JsonNode newSecretary = roles().stream()
                .filter(r -> r.path("memberId").asString().equals(binh))
                .findFirst()
                .orElseThrow();
        assertThat(newSecretary.path("from").asString()).isEqualTo("2025-06-12");

        // A redelivery of the same event and a replayed older election, then the committee's election
        // on the same key (the cell): once the last is applied, the two before it were handled.
        events.sendWithId(first, TOPIC, "meetings.congress.elected", cell, cellPath, secretaryElection);
        events.send(
                TOPIC, "meetings.congress.elected", cell, cellPath, elected("SECRETARY", List.of(an), "2015-06-20"));
        events.send(
                TOPIC,
                "meetings.congress.elected",
                cell,
                cellPath,
                elected("COMMITTEE_MEMBER", List.of(an, chi), "2025-06-12"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(current("COMMITTEE_MEMBER")).containsExactlyInAnyOrder(an, chi));
        assertThat(current("SECRETARY")).containsExactly(binh);
        assertThat(roles())
                .as("two secretaries and two committee members recorded, nothing twice")
                .hasSize(4);
        assertThat(roles().stream()
                        .filter(r -> r.path("memberId").asString().equals(chi))
                        .map(r -> r.path("assignmentId").asString()))
                .as("a re-elected member keeps the assignment they hold")
                .containsExactly(chiCommittee);

        List<ConsumerRecord<String, byte[]>> roleEvents = TopicProbe.read(
                        brokers,
                        "members.org-unit.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(this::isRoleEventHere).count() >= 5)
                .stream()
                .filter(this::isRoleEventHere)
                .toList();
        assertThat(roleEvents)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsExactly(
                        "members.org-unit.role-assigned",
                        "members.org-unit.role-assigned",
                        "members.org-unit.role-ended",
                        "members.org-unit.role-assigned",
                        "members.org-unit.role-assigned");
        roleEvents.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
    }

    @Test
    void anElectionNamingAnUnknownMemberIsADeadLetterAndTheNextElectionIsApplied() {
        String an = register("Nguyễn Văn An");
        events.send(
                TOPIC,
                "meetings.congress.elected",
                cell,
                cellPath,
                elected("SECRETARY", List.of(UUID.randomUUID().toString()), "2025-06-12"));
        events.send(
                TOPIC, "meetings.congress.elected", cell, cellPath, elected("SECRETARY", List.of(an), "2025-06-12"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(current("SECRETARY")).containsExactly(an));
        List<ConsumerRecord<String, byte[]>> dead = TopicProbe.read(
                        brokers,
                        TOPIC + ".member-service.dlt",
                        Duration.ofSeconds(20),
                        r -> r.stream().anyMatch(x -> cell.equals(x.key())))
                .stream()
                .filter(r -> cell.equals(r.key()))
                .toList();
        assertThat(dead).hasSize(1);
    }

    private boolean isRoleEventHere(ConsumerRecord<String, byte[]> r) {
        String type = EventContractValidator.header(r, "ce_type");
        return cell.equals(r.key())
                && ("members.org-unit.role-assigned".equals(type) || "members.org-unit.role-ended".equals(type));
    }

    private String elected(String role, List<String> elected, String on) {
        StringBuilder ids = new StringBuilder();
        StringBuilder votes = new StringBuilder();
        for (String id : elected) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(id).append('"');
            votes.append(votes.isEmpty() ? "" : ",")
                    .append("{\"memberId\":\"")
                    .append(id)
                    .append("\",\"votes\":3}");
        }
        return """
                {"electionId":"%s","meetingId":"%s","cellId":"%s","orgPath":"%s","meetingKind":"CONGRESS",
                 "heldOn":"%s","role":"%s","seats":%d,"ballotsCast":3,"required":2,"votes":[%s],
                 "elected":[%s],"electedFrom":"%s","countedAt":"2025-06-12T03:15:00Z","version":5}""".formatted(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        cell,
                        cellPath,
                        on,
                        role,
                        Math.max(1, elected.size()),
                        votes,
                        ids,
                        on);
    }

    private List<JsonNode> roles() {
        List<JsonNode> roles = new ArrayList<>();
        http.get("/api/v1/org-units/" + cell, admin).body().path("roles").forEach(roles::add);
        return roles;
    }

    private List<String> current(String role) {
        return roles().stream()
                .filter(r -> r.path("current").asBoolean()
                        && r.path("role").asString().equals(role))
                .map(r -> r.path("memberId").asString())
                .toList();
    }

    private String assign(String memberId, String role, String from) {
        Answer assigned = http.post(
                "/api/v1/org-units/" + cell + "/roles",
                admin,
                Map.of("memberId", memberId, "role", role, "from", from));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(201);
        JsonNode roles = assigned.body().path("roles");
        return roles.get(roles.size() - 1).path("assignmentId").asString();
    }

    private String register(String fullName) {
        boolean woman = fullName.contains(" Thị ");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("gender", woman ? "FEMALE" : "MALE");
        body.put("dateOfBirth", "1975-04-12");
        body.put("citizenId", String.format("033%s75%06d", woman ? "1" : "0", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("cellId", cell);
        body.put("status", "FULL");
        body.put("joinedOn", "2010-05-19");
        return created(http.post("/api/v1/members", admin, body));
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }
}
