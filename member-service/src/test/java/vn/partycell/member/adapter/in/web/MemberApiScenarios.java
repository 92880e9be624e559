package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/** member-service over real HTTP, a real broker and the Mongo wire protocol. */
abstract class MemberApiScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    String province;
    String committeeA;
    String committeeB;
    String cellA;
    String groupA;
    String cellB;
    String cellAPath;
    String cellBPath;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String admin = TestTokens.admin();
        String code = "t" + System.nanoTime() % 1_000_000;
        province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        committeeA = created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", province)));
        committeeB = created(http.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", province)));
        Answer cell = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committeeA));
        cellA = created(cell);
        cellAPath = cell.text("orgPath");
        groupA = created(http.post("/api/v1/org-units", admin, unit("to-1", "Tổ đảng 1", "PARTY_GROUP", cellA)));
        Answer other = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ thôn Đình Dù", "CELL", committeeB));
        cellB = created(other);
        cellBPath = other.text("orgPath");
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }

    private static Map<String, Object> member(String cellId, String groupId, String citizenId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Thị Thu Hà");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1985-04-12");
        body.put("citizenId", citizenId);
        body.put("phone", "0912345678");
        body.put("email", "ha.nguyen@example.vn");
        body.put("cellId", cellId);
        body.put("partyGroupId", groupId);
        body.put("status", "PROBATIONARY");
        body.put("joinedOn", "2025-03-02");
        return body;
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static final java.util.concurrent.atomic.AtomicLong CITIZEN_SEQUENCE =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000);

    /** Hưng Yên (033), a woman born in the 1900s (1), in 1985 (85): as {@link #member} describes her. */
    private static String citizenId() {
        return String.format("033185%06d", CITIZEN_SEQUENCE.incrementAndGet() % 1_000_000);
    }

    @Test
    void aSecretaryRegistersAMemberWhoAppearsInTheCellRosterAndOnTheTopic() {
        String secretary = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        Answer registered = http.post("/api/v1/members", secretary, member(cellA, groupA, citizenId()));
        String id = created(registered);
        assertThat(registered.text("orgPath")).isEqualTo(cellAPath);
        assertThat(registered.body().path("history")).hasSize(1);
        assertThat(registered.etag()).isEqualTo("\"1\"");

        Answer roster = http.get("/api/v1/org-units/" + cellA + "/members?size=5", secretary);
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.body().path("content").findValuesAsString("id")).contains(id);
        assertThat(roster.body().path("page").path("totalElements").asLong()).isEqualTo(1);

        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                brokers,
                "members.member.v1",
                Duration.ofSeconds(20),
                r -> r.stream().anyMatch(x -> id.equals(x.key())));
        ConsumerRecord<String, byte[]> event =
                records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(EventContractValidator.header(event, "ce_type")).isEqualTo("members.member.registered");
        assertThat(EventContractValidator.header(event, "ce_orgpath")).isEqualTo(cellAPath);
        assertThat(EventContractValidator.violations(event)).isEmpty();
    }

    @Test
    void everyPublishedEventHonoursItsContract() {
        String secretary = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        String id = created(http.post("/api/v1/members", secretary, member(cellA, null, citizenId())));
        Answer changed = http.post(
                "/api/v1/members/" + id + "/recognition",
                secretary,
                Map.of("effectiveOn", "2026-03-02", "reason", "Công nhận đảng viên chính thức"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("history")).hasSize(2);

        for (String topic : List.of("members.org-unit.v1", "members.member.v1")) {
            List<ConsumerRecord<String, byte[]>> records =
                    TopicProbe.read(brokers, topic, Duration.ofSeconds(4), r -> false);
            assertThat(records).isNotEmpty();
            records.forEach(r -> assertThat(EventContractValidator.violations(r))
                    .as("%s offset %d", topic, r.offset())
                    .isEmpty());
        }
        List<ConsumerRecord<String, byte[]>> mine =
                TopicProbe.read(brokers, "members.member.v1", Duration.ofSeconds(4), r -> false).stream()
                        .filter(r -> id.equals(r.key()))
                        .toList();
        assertThat(mine)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsExactly("members.member.registered", "members.member.updated");
    }

    @Test
    void badInputIsA400ListingEveryFieldAndWritesNothing() {
        String secretary = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        Map<String, Object> body = member(cellA, null, "12345");
        body.put("fullName", " ");
        body.put("email", "not-an-email");
        body.remove("status");
        Answer answer = http.post("/api/v1/members", secretary, body);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("errors").findValuesAsString("field"))
                .as(answer.body().toString())
                .containsExactlyInAnyOrder("citizenId", "email", "fullName", "status");
        assertThat(http.get("/api/v1/org-units/" + cellA + "/members", secretary)
                        .body()
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isZero();

        Answer malformed = http.post("/api/v1/members", secretary, "{\"dateOfBirth\": \"12/04/1985\"");
        assertThat(malformed.status()).isEqualTo(400);
        Answer wrongType = http.post("/api/v1/members", secretary, Map.of("dateOfBirth", "hôm qua", "cellId", cellA));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("errors").findValuesAsString("field")).contains("dateOfBirth");
        assertThat(wrongType.body().toString()).doesNotContain("Exception");
    }

    @Test
    void aUserOfAnotherCommitteeCannotReadOrChangeTheRecords() {
        String secretaryA =
                TestTokens.user("bt-a").grant(cellAPath, "secretary").token();
        String id = created(http.post("/api/v1/members", secretaryA, member(cellA, null, citizenId())));
        String secretaryB =
                TestTokens.user("bt-b").grant(cellBPath, "secretary").token();

        assertThat(http.get("/api/v1/members/" + id, secretaryB).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/org-units/" + cellA, secretaryB).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/org-units/" + cellA + "/members", secretaryB)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/members", secretaryB, member(cellA, null, citizenId()))
                        .status())
                .isEqualTo(404);
        assertThat(http.post(
                                "/api/v1/members/" + id + "/recognition",
                                secretaryB,
                                Map.of("effectiveOn", "2026-03-02", "reason", "x"))
                        .status())
                .isEqualTo(404);
        Answer list = http.get("/api/v1/org-units?size=200", secretaryB);
        assertThat(list.body().path("content").findValuesAsString("orgPath"))
                .isNotEmpty()
                .allMatch(p -> p.startsWith(cellBPath));
        assertThat(http.get("/api/v1/members/" + id, secretaryA).status()).isEqualTo(200);
    }

    @Test
    void anOrdinaryMemberReadsButCannotRegister() {
        String plain = TestTokens.user("dv").grant(cellAPath, "member").token();
        assertThat(http.get("/api/v1/org-units/" + cellA + "/members", plain).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/members", plain, member(cellA, null, citizenId()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void noTokenIs401AndHealthIsOpen() {
        Answer answer = http.get("/api/v1/members/" + java.util.UUID.randomUUID(), null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        Answer expired = http.get(
                "/api/v1/org-units",
                TestTokens.user("x")
                        .grant("/", "admin")
                        .expiresAt(java.time.Instant.now().minusSeconds(60))
                        .token());
        assertThat(expired.status()).isEqualTo(401);
        Answer health = http.get("/actuator/health/readiness", null);
        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(health.body().path("components").has("mongo")).isTrue();
        // Kafka is no readiness condition (the outbox holds events while it is down), but it is reported.
        assertThat(health.body().path("components").has("kafka")).isFalse();
        assertThat(http.get("/actuator/health", null).body().path("components").has("kafka"))
                .isTrue();
    }

    @Test
    void duplicatesAndImpossibleTreesAreRefusedClearly() {
        String admin = TestTokens.admin();
        Answer sameCode = http.post("/api/v1/org-units", admin, unit("cb-01", "Trùng mã", "CELL", committeeA));
        assertThat(sameCode.status()).isEqualTo(409);
        assertThat(sameCode.text("code")).isEqualTo("org-code-taken");
        Answer groupUnderCommittee =
                http.post("/api/v1/org-units", admin, unit("to-9", "Tổ đảng lạc chỗ", "PARTY_GROUP", committeeA));
        assertThat(groupUnderCommittee.status()).isEqualTo(422);

        String secretary = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        String cccd = citizenId();
        created(http.post("/api/v1/members", secretary, member(cellA, null, cccd)));
        Answer again = http.post("/api/v1/members", secretary, member(cellA, null, cccd));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("citizen-id-taken");
    }

    @Test
    void aQueryThatIsNotUtf8IsA400Problem() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/api/v1/org-units?code=%00%ff"))
                                .header("Authorization", "Bearer " + TestTokens.admin())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("malformed-request").doesNotContain("Exception");
    }

    @Test
    void theOpenApiDocumentDescribesTokensProblemsAndNoCallerParameter() {
        Answer docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.body();
        assertThat(api.path("components")
                        .path("securitySchemes")
                        .path("bearerAuth")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(api.path("components").path("schemas").has("Problem")).isTrue();
        assertThat(api.path("servers").get(0).path("url").asString()).isEqualTo("/");
        JsonNode register = api.path("paths").path("/api/v1/members").path("post");
        assertThat(register.path("responses").has("400")).isTrue();
        assertThat(register.path("responses").has("422")).isTrue();
        List<String> parameters = api.path("paths")
                .valueStream()
                .flatMap(JsonNode::valueStream)
                .flatMap(operation -> operation.path("parameters").valueStream())
                .map(parameter -> parameter.path("name").asString())
                .toList();
        assertThat(parameters).contains("cellId").doesNotContain("caller");
        assertThat(api.path("paths").has("/error"))
                .as("the container's error path is no operation of the API")
                .isFalse();
    }

    @Test
    void aListIsSortedTheWayTheCallerAskedEvenByItsDefaultField() {
        String admin = TestTokens.admin();
        Answer descending = http.get("/api/v1/org-units?parentId=" + province + "&sort=orgPath,desc", admin);
        assertThat(descending.status()).as(descending.body().toString()).isEqualTo(200);
        List<String> paths = descending.body().path("content").findValuesAsString("orgPath");
        assertThat(paths).hasSize(2);
        assertThat(paths.getFirst()).as("/…/b/ before /…/a/").endsWith("/b/");

        String secretary = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        Map<String, Object> an = member(cellA, null, citizenId());
        an.put("fullName", "Lê Văn An");
        Map<String, Object> binh = member(cellA, null, citizenId());
        binh.put("fullName", "Lê Văn Bình");
        created(http.post("/api/v1/members", secretary, an));
        created(http.post("/api/v1/members", secretary, binh));
        Answer byName = http.get("/api/v1/org-units/" + cellA + "/members?sort=person.fullName,desc", secretary);
        assertThat(byName.body().path("content").findValuesAsString("fullName"))
                .containsExactly("Lê Văn Bình", "Lê Văn An");
        assertThat(http.get("/api/v1/org-units/" + cellA + "/members?sort=citizenId", secretary)
                        .status())
                .isEqualTo(400);
    }
}
