package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.contracts.EventContracts;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * Issue 9 item 8: a new consumer rebuilds the member register from member-service's topics alone.
 * After a scripted series of changes (registrations, roles assigned and ended by hand and by the
 * holder leaving, exemption, attachment, an accepted official transfer, removal, expulsion, death,
 * dues), a fresh consumer group reads every topic member-service produces from the beginning
 * (embedded broker) and folds the events (newest version wins) into members with status, cells,
 * roles and dues months; the result equals what member-service itself answers for that province.
 */
@ServiceIntegrationTest
class RegisterRebuildFromTopicsIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int DUES_YEAR = TODAY.getYear() - 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    final String admin = TestTokens.admin();

    /** What a register keeps of a member. */
    record MemberEntry(
            String status, String cellId, String orgPath, String meetingCellId, boolean exempted, boolean inTransit) {}

    /** One role assignment, ended or not. */
    record RoleEntry(String orgUnitId, String memberId, String role, String from, String until) {}

    /** The register: members, role assignments by id, dues months by member. */
    record Register(Map<String, MemberEntry> members, Map<String, RoleEntry> roles, Map<String, List<Integer>> dues) {}

    @Test
    void aFreshConsumerRebuildsTheRegisterFromTheTopicsAlone() {
        http = new Http(port);
        String yesterday = TODAY.minusDays(1).toString();
        String code = "rb" + System.nanoTime() % 1_000_000;
        Answer p = http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy dựng lại", "PROVINCE", null));
        String province = created(p);
        String provincePath = p.text("orgPath");
        String committee =
                created(http.post("/api/v1/org-units", admin, unit("k", "Đảng ủy K", "COMMITTEE", province)));
        String cellA = created(http.post("/api/v1/org-units", admin, unit("cb-a", "Chi bộ A", "CELL", committee)));
        String cellB = created(http.post("/api/v1/org-units", admin, unit("cb-b", "Chi bộ B", "CELL", committee)));
        List<String> units = List.of(province, committee, cellA, cellB);

        String an = register(cellA, "Nguyễn Văn An");
        String binh = register(cellA, "Trần Thị Bình");
        String chi = register(cellA, "Lê Văn Chi");
        String dung = register(cellB, "Phạm Văn Dũng");
        String em = register(cellA, "Hoàng Thị Em");
        String giang = register(cellB, "Đỗ Văn Giang");

        assign(cellA, an, "SECRETARY");
        String deputy = assign(cellA, binh, "DEPUTY_SECRETARY");
        assign(cellA, chi, "COMMITTEE_MEMBER");
        assign(committee, chi, "COMMITTEE_MEMBER");
        assign(cellB, dung, "SECRETARY");
        ok(http.post(
                "/api/v1/org-units/" + cellA + "/roles/" + deputy + "/end",
                admin,
                Map.of("on", yesterday, "reason", "Hết nhiệm kỳ")));

        ok(http.post(
                "/api/v1/members/" + em + "/exemptions",
                admin,
                Map.of("from", TODAY.minusDays(10).toString(), "reason", "Ốm dài ngày")));
        ok(http.post(
                "/api/v1/members/" + binh + "/attachments",
                admin,
                Map.of("hostCellId", cellB, "from", yesterday, "reason", "Đi học")));
        Answer transfer = ok(http.post(
                "/api/v1/members/" + chi + "/transfers",
                admin,
                Map.of("toCellId", cellB, "kind", "OFFICIAL", "from", yesterday, "reason", "Chuyển công tác")));
        JsonNode lines = transfer.body().path("history");
        ok(http.post(
                "/api/v1/members/" + chi + "/transfers/"
                        + lines.get(lines.size() - 1).path("entryId").asString() + "/acceptance",
                admin,
                Map.of("effectiveOn", TODAY.toString(), "reason", "Tiếp nhận")));
        ok(http.post(
                "/api/v1/members/" + giang + "/transfers",
                admin,
                Map.of("toCellId", cellA, "kind", "TEMPORARY", "from", yesterday, "reason", "Đi công tác")));
        for (String payer : List.of(an, binh, em)) {
            for (int month = 1; month <= (payer.equals(em) ? 1 : 3); month++) {
                ok(http.post(
                        "/api/v1/members/" + payer + "/dues",
                        admin,
                        Map.of(
                                "month", String.format("%d-%02d", DUES_YEAR, month),
                                "amount", 50_000,
                                "paidOn", String.format("%d-%02d-15", DUES_YEAR, month))));
            }
        }
        ok(http.post(
                "/api/v1/members/" + an + "/removal",
                admin,
                Map.of("effectiveOn", yesterday, "reason", "Bỏ sinh hoạt")));
        ok(http.post(
                "/api/v1/members/" + dung + "/discipline-decisions",
                admin,
                Map.of(
                        "kind", "EXPULSION",
                        "decidedOn", yesterday,
                        "issuingBody", "Đảng ủy K",
                        "reason", "Vi phạm nghiêm trọng",
                        "year", TODAY.minusDays(1).getYear())));
        ok(http.post("/api/v1/members/" + em + "/death", admin, Map.of("effectiveOn", yesterday, "reason", "Từ trần")));
        List<String> members = List.of(an, binh, chi, dung, em, giang);

        Register expected = served(provincePath, units, members);
        assertThat(expected.members()).hasSize(6);
        assertThat(expected.roles()).hasSize(5);
        assertThat(expected.roles().values().stream().filter(r -> r.until() == null))
                .as("the deputy ended by hand, An's and Dũng's by leaving, Chi's in cell A by the transfer")
                .singleElement()
                .satisfies(r -> assertThat(r.memberId()).isEqualTo(chi));

        Register rebuilt = rebuild(provincePath, expected);
        assertThat(rebuilt.members()).isEqualTo(expected.members());
        assertThat(rebuilt.roles()).isEqualTo(expected.roles());
        assertThat(rebuilt.dues()).isEqualTo(expected.dues());
    }

    /** The register as member-service answers it over its own API. */
    private Register served(String provincePath, List<String> units, List<String> members) {
        Map<String, MemberEntry> entries = new TreeMap<>();
        JsonNode listed = http.get("/api/v1/members?size=100&orgPath=" + provincePath, admin)
                .body()
                .path("content");
        assertThat(listed.findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(members);
        Map<String, List<Integer>> dues = new TreeMap<>();
        for (String id : members) {
            JsonNode m = http.get("/api/v1/members/" + id, admin).body();
            entries.put(
                    id,
                    new MemberEntry(
                            m.path("status").asString(),
                            m.path("cellId").asString(),
                            m.path("orgPath").asString(),
                            m.path("meetingCellId").isNull()
                                    ? null
                                    : m.path("meetingCellId").asString(),
                            m.path("exempted").asBoolean(),
                            m.path("inTransit").asBoolean()));
            Answer ledger = http.get("/api/v1/members/" + id + "/dues?year=" + DUES_YEAR, admin);
            List<Integer> months = new ArrayList<>();
            if (ledger.status() == 200) {
                ledger.body().path("monthsPaid").forEach(n -> months.add(n.asInt()));
            }
            if (!months.isEmpty()) {
                dues.put(id + "/" + DUES_YEAR, months);
            }
        }
        Map<String, RoleEntry> roles = new TreeMap<>();
        for (String unit : units) {
            for (JsonNode r :
                    http.get("/api/v1/org-units/" + unit, admin).body().path("roles")) {
                roles.put(
                        r.path("assignmentId").asString(),
                        new RoleEntry(
                                unit,
                                r.path("memberId").asString(),
                                r.path("role").asString(),
                                r.path("from").asString(),
                                r.path("until").isNull()
                                        ? null
                                        : r.path("until").asString()));
            }
        }
        return new Register(entries, roles, dues);
    }

    /**
     * A new consumer group on every member-service topic from the earliest offset, folding records
     * until its register equals {@code expected} or a minute passes (the outbox relays asynchronously).
     * Only records under the province's path are kept: the broker is shared with other tests.
     */
    private Register rebuild(String provincePath, Register expected) {
        List<String> topics = EventContracts.TOPIC_PRODUCERS.entrySet().stream()
                .filter(e -> e.getValue().equals("member-service"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        assertThat(topics).contains("members.org-unit.v1", "members.member.v1", "members.dues.v1");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "register-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        Map<String, MemberEntry> members = new TreeMap<>();
        Map<String, Long> memberVersions = new HashMap<>();
        Map<String, RoleEntry> roles = new TreeMap<>();
        Map<String, List<Integer>> dues = new TreeMap<>();
        Map<String, Long> duesVersions = new HashMap<>();
        Register rebuilt = new Register(members, roles, dues);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode data = JSON.readTree(record.value());
                    if (!data.path("orgPath").asString().startsWith(provincePath)) {
                        continue;
                    }
                    assertThat(EventContractValidator.violations(record)).isEmpty();
                    fold(
                            EventContractValidator.header(record, "ce_type"),
                            data,
                            members,
                            memberVersions,
                            roles,
                            dues,
                            duesVersions);
                }
                if (rebuilt.equals(expected)) {
                    break;
                }
            }
        }
        return rebuilt;
    }

    private static void fold(
            String type,
            JsonNode d,
            Map<String, MemberEntry> members,
            Map<String, Long> memberVersions,
            Map<String, RoleEntry> roles,
            Map<String, List<Integer>> dues,
            Map<String, Long> duesVersions) {
        switch (type) {
            case EventContracts.MEMBER_REGISTERED, EventContracts.MEMBER_UPDATED -> {
                String id = d.path("memberId").asString();
                long version = d.path("version").asLong();
                if (version > memberVersions.getOrDefault(id, 0L)) {
                    memberVersions.put(id, version);
                    members.put(
                            id,
                            new MemberEntry(
                                    d.path("status").asString(),
                                    d.path("cellId").asString(),
                                    d.path("orgPath").asString(),
                                    d.path("meetingCellId").isNull()
                                                    || d.path("meetingCellId").isMissingNode()
                                            ? null
                                            : d.path("meetingCellId").asString(),
                                    d.path("exempted").asBoolean(),
                                    d.path("inTransit").asBoolean()));
                }
            }
            case EventContracts.ORG_UNIT_ROLE_ASSIGNED, EventContracts.ORG_UNIT_ROLE_ENDED -> {
                String assignment = d.path("assignmentId").asString();
                RoleEntry entry = new RoleEntry(
                        d.path("orgUnitId").asString(),
                        d.path("memberId").asString(),
                        d.path("role").asString(),
                        d.path("from").asString(),
                        type.equals(EventContracts.ORG_UNIT_ROLE_ENDED)
                                ? d.path("until").asString()
                                : null);
                // An ending is final whatever order the node's events come in (one node, one partition: in order).
                RoleEntry known = roles.get(assignment);
                if (known == null || known.until() == null) {
                    roles.put(assignment, entry);
                }
            }
            case EventContracts.DUES_RECORDED -> {
                String key =
                        d.path("memberId").asString() + "/" + d.path("year").asInt();
                long version = d.path("version").asLong();
                if (version > duesVersions.getOrDefault(key, 0L)) {
                    duesVersions.put(key, version);
                    List<Integer> months = new ArrayList<>();
                    d.path("monthsPaid").forEach(n -> months.add(n.asInt()));
                    dues.put(key, months);
                }
            }
            default -> {}
        }
    }

    private String assign(String unit, String memberId, String role) {
        Answer assigned = http.post(
                "/api/v1/org-units/" + unit + "/roles",
                admin,
                Map.of("memberId", memberId, "role", role, "from", "2020-07-01"));
        assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(201);
        JsonNode roles = assigned.body().path("roles");
        return roles.get(roles.size() - 1).path("assignmentId").asString();
    }

    private String register(String cell, String fullName) {
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

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 201);
        return answer;
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
