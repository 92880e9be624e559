package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.member.application.PlannedEnds;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * Over real HTTP, a real broker and the Mongo wire protocol: search by a role held today, no
 * registration, transfer or attachment into a dissolved cell, roles ending when their holder leaves
 * (with {@code members.org-unit.role-ended}), and planned ends of attachments applying themselves.
 */
@ServiceIntegrationTest
class MemberRolesAndPlannedEndsIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    PlannedEnds plannedEnds;

    Http http;
    String admin = TestTokens.admin();
    String province;
    String committee;
    String cellA;
    String cellAPath;
    String cellB;
    String cellBPath;
    String secretaryA;
    String secretaryB;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "r" + System.nanoTime() % 1_000_000;
        province = created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null)));
        committee = created(http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy A", "COMMITTEE", province)));
        Answer a = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committee));
        cellA = created(a);
        cellAPath = a.text("orgPath");
        Answer b = http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ thôn Đình Dù", "CELL", committee));
        cellB = created(b);
        cellBPath = b.text("orgPath");
        secretaryA = TestTokens.user("bt-a").grant(cellAPath, "secretary").token();
        secretaryB = TestTokens.user("bt-b").grant(cellBPath, "secretary").token();
    }

    @Test
    void theListByRoleHasTheHoldersInForceTodayCombinedWithTheOtherFilters() {
        String an = register(cellA, "Nguyễn Văn An");
        String binh = register(cellA, "Trần Thị Bình");
        String chi = register(cellA, "Lê Văn Chi");
        String dung = register(cellB, "Phạm Văn Dũng");
        assign(cellA, an, "SECRETARY", "2020-07-01");
        assign(cellA, binh, "COMMITTEE_MEMBER", "2020-07-01");
        String ended = assign(cellA, chi, "DEPUTY_SECRETARY", "2020-07-01");
        endRole(cellA, ended, "2024-06-30");
        assign(cellB, dung, "SECRETARY", "2021-01-01");
        // A committee's role is held by a member of a cell below it, and found within that cell's list.
        assign(committee, binh, "DEPUTY_SECRETARY", "2020-07-01");

        String subtree = "&orgPath=" + cellAPath.substring(0, cellAPath.indexOf("cb-01/"));
        assertThat(ids("/api/v1/members?role=SECRETARY" + subtree, admin)).containsExactlyInAnyOrder(an, dung);
        assertThat(ids("/api/v1/members?role=SECRETARY&cellId=" + cellA, admin)).containsExactly(an);
        assertThat(ids("/api/v1/members?role=SECRETARY&q=dung" + subtree, admin))
                .containsExactly(dung);
        assertThat(ids("/api/v1/members?role=SECRETARY&status=PROBATIONARY" + subtree, admin))
                .isEmpty();
        assertThat(ids("/api/v1/members?role=DEPUTY_SECRETARY&cellId=" + cellA, admin))
                .as("an ended role is not in force; a committee role is")
                .containsExactly(binh);
        assertThat(ids("/api/v1/members?role=COMMITTEE_MEMBER", secretaryA)).containsExactly(binh);
        assertThat(ids("/api/v1/members?role=SECRETARY", secretaryB))
                .as("only within the caller's scope")
                .containsExactly(dung);
        assertThat(http.get("/api/v1/members?role=SECRETARY&cellId=" + cellB, secretaryA)
                        .status())
                .isEqualTo(404);
        Answer wrong = http.get("/api/v1/members?role=CHAIRMAN", admin);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body().toString()).contains("role");

        String csv = new String(
                exportBytes("/api/v1/members/export?format=csv&role=SECRETARY&cellId=" + cellA),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Nguyễn Văn An").doesNotContain("Trần Thị Bình");
    }

    @Test
    void registeringTransferringOrAttachingIntoADissolvedCellIsA422NamingTheFieldAndWritesNothing() {
        String member = register(cellA, "Nguyễn Văn An");
        Answer c = http.post("/api/v1/org-units", admin, unit("cb-03", "Chi bộ đã giải thể", "CELL", committee));
        String cellC = created(c);
        assertThat(http.post("/api/v1/org-units/" + cellC + "/dissolve", admin, Map.of("on", TODAY.toString()))
                        .status())
                .isEqualTo(200);
        String superior =
                TestTokens.user("ht").grant(c.text("orgPath"), "superior").token();

        Map<String, Object> body = person("Hoàng Văn Em", cellC);
        Answer registered = http.post("/api/v1/members", superior, body);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(422);
        assertThat(registered.contentType()).startsWith("application/problem+json");
        assertThat(registered.body().path("fields").path("cellId").asString()).contains("giải thể");
        assertThat(http.get("/api/v1/org-units/" + cellC + "/members", admin)
                        .body()
                        .path("content"))
                .isEmpty();

        String yesterday = TODAY.minusDays(1).toString();
        Answer attached = http.post(
                "/api/v1/members/" + member + "/attachments",
                secretaryA,
                Map.of("hostCellId", cellC, "from", yesterday, "reason", "Đi công tác"));
        assertThat(attached.status()).isEqualTo(422);
        assertThat(attached.body().path("fields").path("hostCellId").asString()).contains("giải thể");
        Answer transferred = http.post(
                "/api/v1/members/" + member + "/transfers",
                secretaryA,
                Map.of("toCellId", cellC, "kind", "OFFICIAL", "from", yesterday, "reason", "Chuyển công tác"));
        assertThat(transferred.status()).isEqualTo(422);
        assertThat(transferred.body().path("fields").path("toCellId").asString())
                .contains("giải thể");
        JsonNode unchanged = http.get("/api/v1/members/" + member, admin).body();
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(unchanged.path("history")).hasSize(1);
    }

    @Test
    void rolesEndWhenTheirHolderLeavesTheNodeButNotOnAnAttachmentAndNotForSomeoneInTransit() throws Exception {
        String yesterday = TODAY.minusDays(1).toString();
        String an = register(cellA, "Nguyễn Văn An");
        String binh = register(cellA, "Trần Thị Bình");
        String chi = register(cellA, "Lê Văn Chi");
        String anSecretary = assign(cellA, an, "SECRETARY", "2020-07-01");
        String anCommittee = assign(committee, an, "COMMITTEE_MEMBER", "2020-07-01");
        assign(cellA, binh, "DEPUTY_SECRETARY", "2020-07-01");
        String chiMember = assign(cellA, chi, "COMMITTEE_MEMBER", "2020-07-01");

        // An attachment elsewhere keeps the roles: still registered (and active) here.
        assertThat(http.post(
                                "/api/v1/members/" + binh + "/attachments",
                                secretaryA,
                                Map.of("hostCellId", cellB, "from", yesterday, "reason", "Đi học"))
                        .status())
                .isEqualTo(200);
        assertThat(currentRoles(cellA)).containsExactlyInAnyOrder(anSecretary, chiMember, roleOf(cellA, binh));

        // Removal ends both of An's roles, dated the removal, each with its event.
        Answer removed = http.post(
                "/api/v1/members/" + an + "/removal",
                secretaryA,
                Map.of("effectiveOn", yesterday, "reason", "Bỏ sinh hoạt"));
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        JsonNode ended = role(cellA, anSecretary);
        assertThat(ended.path("current").asBoolean()).isFalse();
        assertThat(ended.path("until").asString()).isEqualTo(yesterday);
        assertThat(ended.path("endReason").asString()).contains("xóa tên");
        assertThat(role(committee, anCommittee).path("current").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/org-units/" + cellA, admin)
                        .body()
                        .path("warnings")
                        .findValuesAsString("code"))
                .contains("no-secretary");

        // In transit, Chi may not be given a role; an accepted official transfer ends the one held.
        Answer transfer = http.post(
                "/api/v1/members/" + chi + "/transfers",
                secretaryA,
                Map.of("toCellId", cellB, "kind", "OFFICIAL", "from", yesterday, "reason", "Chuyển công tác"));
        assertThat(transfer.status()).isEqualTo(200);
        Answer inTransit = http.post(
                "/api/v1/org-units/" + cellA + "/roles",
                admin,
                Map.of("memberId", chi, "role", "SECRETARY", "from", yesterday));
        assertThat(inTransit.status()).isEqualTo(422);
        assertThat(inTransit.text("code")).isEqualTo("member-not-active-here");
        assertThat(role(cellA, chiMember).path("current").asBoolean())
                .as("in transit the role is kept until the answer")
                .isTrue();
        JsonNode lines = transfer.body().path("history");
        String transferId = lines.get(lines.size() - 1).path("entryId").asString();
        Answer accepted = http.post(
                "/api/v1/members/" + chi + "/transfers/" + transferId + "/acceptance",
                secretaryB,
                Map.of("effectiveOn", TODAY.toString(), "reason", "Đồng ý tiếp nhận"));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
        assertThat(role(cellA, chiMember).path("until").asString()).isEqualTo(TODAY.toString());

        List<ConsumerRecord<String, byte[]>> endings = TopicProbe.read(
                        brokers,
                        "members.org-unit.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(this::isRoleEndedHere).count() >= 3)
                .stream()
                .filter(this::isRoleEndedHere)
                .toList();
        assertThat(endings).hasSize(3);
        endings.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        assertThat(endings.stream()
                        .map(r -> json(r.value()).path("assignmentId").asString())
                        .toList())
                .containsExactlyInAnyOrder(anSecretary, anCommittee, chiMember);
    }

    @Test
    void anAttachmentWithAPlannedEndEndsOnThatDayAndTheHostRosterLetsTheMemberGo() {
        String an = register(cellA, "Nguyễn Văn An");
        String until = TODAY.minusDays(1).toString();
        Answer attached = http.post(
                "/api/v1/members/" + an + "/attachments",
                secretaryA,
                Map.of(
                        "hostCellId",
                        cellB,
                        "from",
                        TODAY.minusDays(10).toString(),
                        "until",
                        until,
                        "reason",
                        "Đi học"));
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        assertThat(attached.text("meetingCellId")).isEqualTo(cellB);
        String exemptedTillTomorrow = register(cellA, "Trần Thị Bình");
        http.post(
                "/api/v1/members/" + exemptedTillTomorrow + "/exemptions",
                secretaryA,
                Map.of(
                        "from",
                        TODAY.minusDays(3).toString(),
                        "until",
                        TODAY.plusDays(1).toString(),
                        "reason",
                        "Ốm"));

        assertThat(plannedEnds.applyDue(TODAY)).isGreaterThanOrEqualTo(1);

        JsonNode after = http.get("/api/v1/members/" + an, admin).body();
        assertThat(after.path("meetingCellId").asString()).isEqualTo(cellA);
        JsonNode last = after.path("history").get(after.path("history").size() - 1);
        assertThat(last.path("kind").asString()).isEqualTo("ATTACHMENT_END");
        assertThat(last.path("effectiveOn").asString()).isEqualTo(until);
        assertThat(last.path("recordedBy").asString()).isEqualTo("system:planned-ends");
        assertThat(http.get("/api/v1/members/" + exemptedTillTomorrow, admin)
                        .body()
                        .path("exempted")
                        .asBoolean())
                .as("an exemption planned to end tomorrow is still in force")
                .isTrue();
        assertThat(plannedEnds.applyDue(TODAY)).as("a second run finds nothing").isZero();

        List<ConsumerRecord<String, byte[]>> updates = TopicProbe.read(
                        brokers,
                        "members.member.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> an.equals(x.key())).count() >= 3)
                .stream()
                .filter(r -> an.equals(r.key()))
                .toList();
        ConsumerRecord<String, byte[]> back = updates.getLast();
        assertThat(EventContractValidator.violations(back)).isEmpty();
        assertThat(json(back.value()).path("meetingCellId").asString()).isEqualTo(cellA);
    }

    private boolean isRoleEndedHere(ConsumerRecord<String, byte[]> r) {
        return "members.org-unit.role-ended".equals(EventContractValidator.header(r, "ce_type"))
                && (cellA.equals(r.key()) || committee.equals(r.key()));
    }

    private static JsonNode json(byte[] value) {
        return JsonMapper.builder().build().readTree(value);
    }

    private byte[] exportBytes(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + admin)
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> ids(String path, String token) {
        Answer answer = http.get(path, token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.body().path("content").findValuesAsString("id");
    }

    private List<String> currentRoles(String unit) {
        List<String> current = new java.util.ArrayList<>();
        for (JsonNode r : http.get("/api/v1/org-units/" + unit, admin).body().path("roles")) {
            if (r.path("current").asBoolean()) {
                current.add(r.path("assignmentId").asString());
            }
        }
        return current;
    }

    private String roleOf(String unit, String memberId) {
        for (JsonNode r : http.get("/api/v1/org-units/" + unit, admin).body().path("roles")) {
            if (r.path("memberId").asString().equals(memberId)) {
                return r.path("assignmentId").asString();
            }
        }
        throw new AssertionError("no role of " + memberId);
    }

    private JsonNode role(String unit, String assignmentId) {
        for (JsonNode r : http.get("/api/v1/org-units/" + unit, admin).body().path("roles")) {
            if (r.path("assignmentId").asString().equals(assignmentId)) {
                return r;
            }
        }
        throw new AssertionError("no assignment " + assignmentId);
    }

    private String assign(String unit, String memberId, String role, String from) {
        Answer assigned = http.post(
                "/api/v1/org-units/" + unit + "/roles",
                admin,
                Map.of("memberId", memberId, "role", role, "from", from));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(201);
        JsonNode roles = assigned.body().path("roles");
        return roles.get(roles.size() - 1).path("assignmentId").asString();
    }

    private void endRole(String unit, String assignmentId, String on) {
        Answer ended = http.post(
                "/api/v1/org-units/" + unit + "/roles/" + assignmentId + "/end",
                admin,
                Map.of("on", on, "reason", "Hết nhiệm kỳ"));
        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(200);
    }

    private String register(String cell, String fullName) {
        return created(http.post("/api/v1/members", admin, person(fullName, cell)));
    }

    /** Born in 1975 in Hưng Yên, male or female by the name: 033 0/1 75 and six more digits. */
    private Map<String, Object> person(String fullName, String cell) {
        boolean woman = fullName.contains(" Thị ");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("gender", woman ? "FEMALE" : "MALE");
        body.put("dateOfBirth", "1975-04-12");
        body.put("citizenId", String.format("033%s75%06d", woman ? "1" : "0", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("phone", "0912345678");
        body.put("address", "Số 5 phố Chùa Chuông");
        body.put("cellId", cell);
        body.put("status", "FULL");
        body.put("joinedOn", "2010-05-19");
        return body;
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }
}
