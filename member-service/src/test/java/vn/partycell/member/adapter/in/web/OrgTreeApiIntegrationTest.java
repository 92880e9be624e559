package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * The org tree's changes over real HTTP, the Mongo wire protocol and a real broker: rename, move (the
 * job rewrites the records below), dissolve, terms, roles, composition warnings; 404 outside scope
 * and 403 with too weak a role on every new endpoint; If-Match; every event honours its contract.
 */
@ServiceIntegrationTest
class OrgTreeApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    Http http;
    final String admin = TestTokens.admin();
    String province;
    String committeeA;
    String committeeB;
    String committeeBPath;
    String cellA;
    String cellAPath;
    String groupA;
    String cellB;
    String cellBPath;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "o" + System.nanoTime() % 1_000_000;
        province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        committeeA = created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", province)));
        Answer b = http.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", province));
        committeeB = created(b);
        committeeBPath = b.text("orgPath");
        Answer cell = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committeeA));
        cellA = created(cell);
        cellAPath = cell.text("orgPath");
        groupA = created(http.post("/api/v1/org-units", admin, unit("to-1", "Tổ đảng 1", "PARTY_GROUP", cellA)));
        Answer other = http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ thôn Đình Dù", "CELL", committeeB));
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

    private String member(String cellId, String groupId, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Văn An");
        body.put("gender", "MALE");
        body.put("dateOfBirth", "1980-02-03");
        body.put("citizenId", String.format("033080%06d", System.nanoTime() / 1000 % 1_000_000));
        body.put("cellId", cellId);
        body.put("partyGroupId", groupId);
        body.put("status", status);
        body.put("joinedOn", "2015-03-02");
        return created(http.post("/api/v1/members", admin, body));
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    /** A POST with an If-Match header (the shared test client has none). */
    private Answer post(String path, String token, Object body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse(null);
        JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(
                response.statusCode(),
                json,
                type,
                response.headers().firstValue("ETag").orElse(null));
    }

    private Answer awaitGet(String path, Predicate<Answer> until) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        Answer answer = http.get(path, admin);
        while (!until.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            answer = http.get(path, admin);
        }
        return answer;
    }

    private ConsumerRecord<String, byte[]> event(String topic, String key, String type) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                brokers, topic, Duration.ofSeconds(20), r -> r.stream().anyMatch(x -> matches(x, key, type)));
        ConsumerRecord<String, byte[]> record =
                records.stream().filter(x -> matches(x, key, type)).findFirst().orElseThrow();
        assertThat(EventContractValidator.violations(record)).as(type).isEmpty();
        return record;
    }

    private static boolean matches(ConsumerRecord<String, byte[]> r, String key, String type) {
        return key.equals(r.key()) && type.equals(EventContractValidator.header(r, "ce_type"));
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    @Test
    void aRenameNeedsTheCurrentVersionAndIsPublished() throws Exception {
        Answer stale = post("/api/v1/org-units/" + cellA + "/rename", admin, Map.of("name", "Chi bộ mới"), "\"9\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        String etag = http.get("/api/v1/org-units/" + cellA, admin).etag();
        Answer renamed =
                post("/api/v1/org-units/" + cellA + "/rename", admin, Map.of("name", "Chi bộ Sở Tư pháp tỉnh"), etag);
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(renamed.text("orgPath")).isEqualTo(cellAPath);
        assertThat(renamed.etag()).isEqualTo("\"2\"");
        assertThat(data(event("members.org-unit.v1", cellA, "members.org-unit.renamed"))
                        .path("name")
                        .asString())
                .isEqualTo("Chi bộ Sở Tư pháp tỉnh");
        Answer blank = post("/api/v1/org-units/" + cellA + "/rename", admin, Map.of("name", " "), null);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().path("errors").findValuesAsString("field")).containsExactly("name");
    }

    @Test
    void aMoveRewritesThePathOfEveryRecordBelowAndAnnouncesEachMember() throws Exception {
        String memberId = member(cellA, groupA, "FULL");
        Answer moved = post("/api/v1/org-units/" + cellA + "/move", admin, Map.of("parentId", committeeB), "\"1\"");

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
        String newPath = committeeBPath + "cb-01/";
        assertThat(moved.text("orgPath")).isEqualTo(newPath);
        assertThat(moved.body().path("pendingMove").path("fromPath").asString()).isEqualTo(cellAPath);
        Answer member =
                awaitGet("/api/v1/members/" + memberId, a -> a.text("orgPath").equals(newPath));
        assertThat(member.text("orgPath")).isEqualTo(newPath);
        Answer cell = awaitGet(
                "/api/v1/org-units/" + cellA, a -> a.body().path("pendingMove").isNull());
        assertThat(cell.body().path("pendingMove").isNull())
                .as(cell.body().toString())
                .isTrue();
        assertThat(http.get("/api/v1/org-units/" + groupA, admin).text("orgPath"))
                .isEqualTo(newPath + "to-1/");

        JsonNode movedEvent = data(event("members.org-unit.v1", cellA, "members.org-unit.moved"));
        assertThat(movedEvent.path("previousOrgPath").asString()).isEqualTo(cellAPath);
        assertThat(movedEvent.path("orgPath").asString()).isEqualTo(newPath);
        List<ConsumerRecord<String, byte[]>> updates = TopicProbe.read(
                        brokers,
                        "members.member.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().anyMatch(x -> matches(x, memberId, "members.member.updated")))
                .stream()
                .filter(x -> matches(x, memberId, "members.member.updated"))
                .toList();
        assertThat(updates).hasSize(1);
        assertThat(EventContractValidator.violations(updates.getFirst())).isEmpty();
        assertThat(EventContractValidator.header(updates.getFirst(), "ce_orgpath"))
                .isEqualTo(newPath);
        assertThat(data(updates.getFirst()).path("orgPath").asString()).isEqualTo(newPath);
    }

    @Test
    void aMoveIntoItsOwnSubtreeOrUnderAWrongKindIsA422AndChangesNothing() throws Exception {
        Answer intoOwn = post("/api/v1/org-units/" + committeeA + "/move", admin, Map.of("parentId", cellA), null);
        assertThat(intoOwn.status()).isEqualTo(422);
        assertThat(intoOwn.text("code")).isEqualTo("move-into-own-subtree");
        Answer wrongKind = post("/api/v1/org-units/" + groupA + "/move", admin, Map.of("parentId", committeeB), null);
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(wrongKind.text("code")).isEqualTo("kind-not-allowed");
        Answer missing = post("/api/v1/org-units/" + cellA + "/move", admin, Map.of(), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsString("field")).containsExactly("parentId");
        assertThat(http.get("/api/v1/org-units/" + committeeA, admin).text("version"))
                .isEqualTo("1");
    }

    @Test
    void aNodeWithActiveMembersOrLiveChildrenIsNotDissolved() throws Exception {
        member(cellA, null, "PROBATIONARY");
        String today = LocalDate.now(VietnamTime.ZONE).toString();
        Answer refused = post("/api/v1/org-units/" + cellA + "/dissolve", admin, Map.of("on", today), null);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("org-unit-not-empty");
        assertThat(refused.body().path("activeMembers").asLong()).isEqualTo(1);
        assertThat(refused.body().path("liveChildren").asLong()).isEqualTo(1);

        Answer group = post("/api/v1/org-units/" + groupA + "/dissolve", admin, Map.of("on", today), "\"1\"");
        assertThat(group.status()).as(group.body().toString()).isEqualTo(200);
        assertThat(group.text("dissolvedOn")).isEqualTo(today);
        event("members.org-unit.v1", groupA, "members.org-unit.dissolved");
        Answer future = post(
                "/api/v1/org-units/" + cellB + "/dissolve",
                admin,
                Map.of("on", LocalDate.now(VietnamTime.ZONE).plusDays(2).toString()),
                null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsString("field")).containsExactly("on");
    }

    @Test
    void termsAndRolesAreDatedRecordsAndTheCellShowsItsCompositionWarnings() throws Exception {
        String memberId = member(cellA, null, "FULL");
        String outsider = member(cellB, null, "FULL");

        Answer cell = http.get("/api/v1/org-units/" + cellA, admin);
        assertThat(cell.body().path("fullMembers").asLong()).isEqualTo(1);
        assertThat(cell.body().path("warnings").findValuesAsString("code"))
                .containsExactly("too-few-full-members", "no-secretary");
        Answer list = http.get("/api/v1/org-units/" + province + "/composition-warnings?size=10", admin);
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        assertThat(list.body().path("content").findValuesAsString("cellId")).containsExactly(cellA, cellB);

        Answer term = post(
                "/api/v1/org-units/" + cellA + "/terms",
                admin,
                Map.of("name", "2020–2025", "start", "2020-07-01", "end", "2025-06-30"),
                null);
        assertThat(term.status()).as(term.body().toString()).isEqualTo(201);
        event("members.org-unit.v1", cellA, "members.org-unit.term-opened");
        Answer overlap = post(
                "/api/v1/org-units/" + cellA + "/terms",
                admin,
                Map.of("name", "sai", "start", "2025-01-01", "end", "2030-06-30"),
                null);
        assertThat(overlap.status()).isEqualTo(422);
        assertThat(overlap.text("code")).isEqualTo("term-overlap");

        Answer notHere = post(
                "/api/v1/org-units/" + cellA + "/roles",
                admin,
                Map.of("memberId", outsider, "role", "SECRETARY", "from", "2020-07-01"),
                null);
        assertThat(notHere.status()).isEqualTo(422);
        assertThat(notHere.text("code")).isEqualTo("member-not-active-here");
        assertThat(notHere.text("field")).isEqualTo("memberId");
        Answer assigned = post(
                "/api/v1/org-units/" + cellA + "/roles",
                admin,
                Map.of("memberId", memberId, "role", "SECRETARY", "from", "2020-07-01"),
                term.etag());
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(201);
        JsonNode role = assigned.body().path("roles").get(0);
        assertThat(role.path("current").asBoolean()).isTrue();
        assertThat(role.path("termId").asString())
                .isEqualTo(term.body().path("terms").get(0).path("id").asString());
        assertThat(data(event("members.org-unit.v1", cellA, "members.org-unit.role-assigned"))
                        .path("memberId")
                        .asString())
                .isEqualTo(memberId);
        assertThat(http.get("/api/v1/org-units/" + cellA, admin)
                        .body()
                        .path("warnings")
                        .findValuesAsString("code"))
                .containsExactly("too-few-full-members");

        String assignment = role.path("assignmentId").asString();
        Answer ended = post(
                "/api/v1/org-units/" + cellA + "/roles/" + assignment + "/end",
                admin,
                Map.of("on", "2025-06-30", "reason", "Hết nhiệm kỳ"),
                assigned.etag());
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(200);
        assertThat(ended.body().path("roles")).hasSize(1);
        assertThat(ended.body().path("roles").get(0).path("until").asString()).isEqualTo("2025-06-30");
        event("members.org-unit.v1", cellA, "members.org-unit.role-ended");
    }

    @Test
    void everyNewEndpointIs404OutsideTheCallersSubtreeAnd403WithTooWeakARole() throws Exception {
        String memberId = member(cellA, null, "FULL");
        String outsider = TestTokens.user("bt-b").grant(cellBPath, "secretary").token();
        String weak = TestTokens.user("bt-a").grant(cellAPath, "secretary").token();
        String today = LocalDate.now(VietnamTime.ZONE).toString();
        Map<String, Map<String, Object>> writes = new LinkedHashMap<>();
        writes.put("/rename", Map.of("name", "Tên mới"));
        writes.put("/move", Map.of("parentId", committeeB));
        writes.put("/dissolve", Map.of("on", today));
        writes.put("/terms", Map.of("name", "2020–2025", "start", "2020-07-01", "end", "2025-06-30"));
        writes.put("/roles", Map.of("memberId", memberId, "role", "SECRETARY", "from", "2020-07-01"));
        writes.put("/roles/" + java.util.UUID.randomUUID() + "/end", Map.of("on", today));

        for (Map.Entry<String, Map<String, Object>> w : writes.entrySet()) {
            String path = "/api/v1/org-units/" + cellA + w.getKey();
            Answer out = post(path, outsider, w.getValue(), null);
            assertThat(out.status()).as("outside " + w.getKey()).isEqualTo(404);
            assertThat(out.contentType()).startsWith("application/problem+json");
            assertThat(post(path, weak, w.getValue(), null).status())
                    .as("weak " + w.getKey())
                    .isEqualTo(403);
        }
        String warnings = "/api/v1/org-units/" + cellA + "/composition-warnings";
        assertThat(http.get(warnings, outsider).status()).isEqualTo(404);
        assertThat(http.get(warnings, weak).status()).isEqualTo(403);

        // A move needs the role on the new parent too: superior of A only cannot move into B (not seen: 404).
        String superiorOfA = TestTokens.user("su-a")
                .grant(cellAPath.substring(0, cellAPath.length() - 6), "superior")
                .token();
        assertThat(post("/api/v1/org-units/" + cellA + "/move", superiorOfA, Map.of("parentId", committeeB), null)
                        .status())
                .isEqualTo(404);
        String secretaryOfB = TestTokens.user("su-ab")
                .grant(cellAPath.substring(0, cellAPath.length() - 6), "superior")
                .grant(committeeBPath, "secretary")
                .token();
        assertThat(post("/api/v1/org-units/" + cellA + "/move", secretaryOfB, Map.of("parentId", committeeB), null)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/org-units/" + cellA, admin).text("orgPath"))
                .isEqualTo(cellAPath);
    }

    @Test
    void aNodeKeepsItsFoundingDateAndEveryEventCarriesIt() throws Exception {
        Map<String, Object> body = unit("cb-03", "Chi bộ Sở Y tế", "CELL", committeeA);
        body.put("establishedOn", "2015-07-01");
        Answer founded = http.post("/api/v1/org-units", admin, body);
        String id = created(founded);
        assertThat(founded.text("establishedOn")).isEqualTo("2015-07-01");
        assertThat(http.get("/api/v1/org-units/" + id, admin).text("establishedOn"))
                .isEqualTo("2015-07-01");
        assertThat(data(event("members.org-unit.v1", id, "members.org-unit.created"))
                        .path("establishedOn")
                        .asString())
                .isEqualTo("2015-07-01");
        Answer renamed =
                post("/api/v1/org-units/" + id + "/rename", admin, Map.of("name", "Chi bộ Sở Y tế tỉnh"), null);
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(renamed.text("establishedOn")).isEqualTo("2015-07-01");
        assertThat(data(event("members.org-unit.v1", id, "members.org-unit.renamed"))
                        .path("establishedOn")
                        .asString())
                .isEqualTo("2015-07-01");

        // Left out: founded the day it was created, in Vietnam.
        String today = LocalDate.now(VietnamTime.ZONE).toString();
        assertThat(http.get("/api/v1/org-units/" + cellA, admin).text("establishedOn"))
                .isEqualTo(today);
        assertThat(data(event("members.org-unit.v1", cellA, "members.org-unit.created"))
                        .path("establishedOn")
                        .asString())
                .isEqualTo(today);
        assertThat(http.get("/api/v1/org-units?parentId=" + committeeA + "&code=cb-03", admin)
                        .body()
                        .path("content")
                        .findValuesAsString("establishedOn"))
                .containsExactly("2015-07-01");
    }

    @Test
    void aFoundingDateAfterTodayOrThatIsNoDateIsA400NamingTheField() {
        String tomorrow = LocalDate.now(VietnamTime.ZONE).plusDays(1).toString();
        for (String bad : List.of(tomorrow, "1929-12-31", "2015-02-30", "01/07/2015", "hôm qua")) {
            Map<String, Object> body = unit("cb-09", "Chi bộ 9", "CELL", committeeA);
            body.put("establishedOn", bad);
            Answer refused = http.post("/api/v1/org-units", admin, body);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
            assertThat(refused.body().path("errors").findValuesAsString("field"))
                    .as(bad)
                    .containsExactly("establishedOn");
        }
        assertThat(http.get("/api/v1/org-units?parentId=" + committeeA + "&code=cb-09", admin)
                        .body()
                        .path("content"))
                .isEmpty();
    }

    @Test
    void aNodeStoredBeforeFoundingDatesWereKeptReadsAsTheDayItWasCreatedAndPublishesIt() throws Exception {
        // 1 April 2019 in Vietnam, still 31 March in UTC.
        Date registered = Date.from(Instant.parse("2019-03-31T18:00:00Z"));
        mongo.getCollection("org_units")
                .updateOne(
                        Filters.eq("_id", cellB),
                        Updates.combine(Updates.unset("establishedOn"), Updates.set("createdAt", registered)));
        assertThat(mongo.getCollection("org_units")
                        .find(Filters.eq("_id", cellB))
                        .first())
                .isNotNull()
                .doesNotContainKey("establishedOn");

        assertThat(http.get("/api/v1/org-units/" + cellB, admin).text("establishedOn"))
                .isEqualTo("2019-04-01");
        Answer renamed = post("/api/v1/org-units/" + cellB + "/rename", admin, Map.of("name", "Chi bộ Đình Dù"), null);
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(data(event("members.org-unit.v1", cellB, "members.org-unit.renamed"))
                        .path("establishedOn")
                        .asString())
                .isEqualTo("2019-04-01");
    }
}
