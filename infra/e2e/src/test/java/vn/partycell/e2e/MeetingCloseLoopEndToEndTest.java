package vn.partycell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import vn.partycell.e2e.Gateway.Answer;

/**
 * The meeting-close loop through the gateway only, on the real stack: a secretary schedules a
 * meeting, every member gets the notice; attendance without quorum is refused; the meeting closes;
 * scorecards count it and the absent member is told; the closed meeting refuses changes; a
 * redelivered MeetingClosed changes nothing; and another committee sees none of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeetingCloseLoopEndToEndTest {

    private static RunningStack stack;
    private static Gateway gateway;
    private static String admin;
    private static String cellA;
    private static String cellB;
    private static final List<String> members = new ArrayList<>();
    private static Map<String, String> tokens;
    private static String meetingId;

    @BeforeAll
    static void startTheStackAndATwoCommitteeProvince() throws Exception {
        stack = RunningStack.start();
        gateway = new Gateway(stack.gateway());
        admin = gateway.get("/dev/tokens", null).text("admin");
        assertThat(admin).isNotBlank();

        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String province = created(gateway.post(
                "/api/v1/org-units",
                admin,
                Map.of("code", "e2e-" + run, "name", "Tỉnh ủy kiểm thử", "kind", "PROVINCE")));
        String committeeA =
                created(gateway.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", province)));
        String committeeB =
                created(gateway.post("/api/v1/org-units", admin, unit("b", "Huyện ủy B", "COMMITTEE", province)));
        Answer a = gateway.post("/api/v1/org-units", admin, unit("cb-a", "Chi bộ Sở Tư pháp", "CELL", committeeA));
        cellA = created(a);
        Answer b = gateway.post("/api/v1/org-units", admin, unit("cb-b", "Chi bộ thôn Đình Dù", "CELL", committeeB));
        cellB = created(b);
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"};
        for (int i = 0; i < names.length; i++) {
            members.add(created(gateway.post(
                    "/api/v1/members",
                    admin,
                    Map.of(
                            "fullName",
                            names[i],
                            "gender",
                            i % 2 == 0 ? "MALE" : "FEMALE",
                            "dateOfBirth",
                            "198" + i + "-04-12",
                            "citizenId",
                            String.format("033%d8%d%06d", i % 2 == 0 ? 0 : 1, i, Math.abs(run.hashCode()) % 1_000_000),
                            "cellId",
                            cellA,
                            "status",
                            i == 4 ? "PROBATIONARY" : "FULL",
                            "joinedOn",
                            "2015-06-0" + (i + 1)))));
        }
        String otherMember = created(gateway.post(
                "/api/v1/members",
                admin,
                Map.of(
                        "fullName",
                        "Đỗ Văn Giang",
                        "gender",
                        "MALE",
                        "dateOfBirth",
                        "1975-01-01",
                        "citizenId",
                        String.format("033075%06d", Math.abs(run.hashCode()) % 1_000_000),
                        "cellId",
                        cellB,
                        "status",
                        "FULL",
                        "joinedOn",
                        "2000-01-01")));

        // The dev issuer's users for this province: a secretary and a member of A, a secretary of B.
        Files.writeString(
                stack.usersFile(),
                Gateway.JSON.writeValueAsString(Map.of(
                        "users",
                        List.of(
                                user("bi-thu-a", members.get(0), a.text("orgPath"), "secretary"),
                                user("dang-vien-a", members.get(3), a.text("orgPath"), "member"),
                                user("bi-thu-b", otherMember, b.text("orgPath"), "secretary")))),
                StandardCharsets.UTF_8);
        JsonNode issued = gateway.get("/dev/tokens", null).body();
        tokens = Map.of(
                "secretaryA", issued.path("bi-thu-a").asString(),
                "memberA", issued.path("dang-vien-a").asString(),
                "secretaryB", issued.path("bi-thu-b").asString());
        assertThat(tokens.values()).allMatch(t -> !t.isBlank());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(
                        () -> assertThat(gateway.get("/api/v1/cells/" + cellA + "/roster", tokens.get("secretaryA"))
                                        .body()
                                        .path("members"))
                                .hasSize(5));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        return Map.of("code", code, "name", name, "kind", kind, "parentId", parentId);
    }

    private static Map<String, Object> user(String username, String memberId, String org, String role) {
        return Map.of(
                "username",
                username,
                "displayName",
                username,
                "memberId",
                memberId,
                "grants",
                List.of(Map.of("org", org, "role", role)));
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static Map<String, Object> line(int member, String status, boolean spoke) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("memberId", members.get(member));
        line.put("status", status);
        line.put("spoke", spoke);
        if (status.equals("EXCUSED")) {
            line.put("reason", "Ốm, đã báo trước");
        }
        return line;
    }

    /**
     * A meeting is scheduled ahead, never in the past, and opened at most 30 minutes (policy) before
     * its start: ten minutes from now lets the test schedule, start and close it in one run.
     */
    private static final Instant STARTS_AT =
            Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);

    private static final ZonedDateTime LOCAL_START = STARTS_AT.atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
    private static final int YEAR = LOCAL_START.getYear();

    private static JsonNode notices(String token) {
        return gateway.get("/api/v1/notices?size=50", token).body().path("content");
    }

    @Test
    @Order(1)
    void aScheduledMeetingReachesEveryMembersInbox() {
        Answer scheduled = gateway.post(
                "/api/v1/meetings",
                tokens.get("secretaryA"),
                Map.of(
                        "cellId",
                        cellA,
                        "kind",
                        "REGULAR",
                        "title",
                        "Sinh hoạt chi bộ thường kỳ tháng 3/2026",
                        "startsAt",
                        STARTS_AT.toString(),
                        "place",
                        "Phòng họp tầng 2",
                        "agenda",
                        List.of("Đánh giá tháng 2", "Nhiệm vụ tháng 3")));
        meetingId = created(scheduled);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode inbox = notices(tokens.get("memberA"));
            assertThat(inbox.findValuesAsString("meetingId")).contains(meetingId);
        });
        JsonNode notice = notices(tokens.get("memberA")).get(0);
        assertThat(notice.path("body").asString())
                .contains(
                        LOCAL_START.format(DateTimeFormatter.ofPattern("HH:mm")),
                        LOCAL_START.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        "Phòng họp tầng 2");
        // Opened explicitly (within the start tolerance), before attendance is taken.
        Answer started = gateway.post("/api/v1/meetings/" + meetingId + "/start", tokens.get("secretaryA"), Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void withoutQuorumTheMeetingCannotClose() {
        Answer taken = gateway.put(
                "/api/v1/meetings/" + meetingId + "/attendance",
                tokens.get("secretaryA"),
                Map.of(
                        "entries",
                        List.of(
                                line(0, "PRESENT", true),
                                line(1, "EXCUSED", false),
                                line(2, "ABSENT", false),
                                line(3, "ABSENT", false),
                                line(4, "PRESENT", true))));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        Answer refused = gateway.post("/api/v1/meetings/" + meetingId + "/close", tokens.get("secretaryA"), Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("quorum-not-met");
        assertThat(refused.body().path("eligible").asInt()).isEqualTo(4);
        assertThat(refused.body().path("present").asInt()).isEqualTo(1);
        assertThat(refused.body().path("required").asInt()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void closingCountsScorecardsTellsTheAbsentAndFreezesTheMinutes() {
        gateway.put(
                "/api/v1/meetings/" + meetingId + "/attendance",
                tokens.get("secretaryA"),
                Map.of("entries", List.of(line(1, "LATE", true), line(2, "PRESENT", false))));
        // At the conclusion every present member is assigned a task; closing waits for it (rules.md 3.14).
        for (int present : List.of(0, 1, 2, 4)) {
            Answer task = gateway.post(
                    "/api/v1/meetings/" + meetingId + "/tasks",
                    tokens.get("secretaryA"),
                    Map.of(
                            "ownerId",
                            members.get(present),
                            "title",
                            "Tuyên truyền nghị quyết tới các hộ",
                            "dueOn",
                            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                                    .plusDays(30)
                                    .toString()));
            assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        }
        Answer closed = gateway.post("/api/v1/meetings/" + meetingId + "/close", tokens.get("secretaryA"), Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

        String absent = members.get(3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Answer card = gateway.get("/api/v1/scorecards/" + absent + "?year=" + YEAR, tokens.get("secretaryA"));
            assertThat(card.status()).isEqualTo(200);
            assertThat(card.body().path("totals").path("missed").path("count").asInt())
                    .isEqualTo(1);
        });
        Answer own = gateway.get("/api/v1/scorecards/" + absent + "?year=" + YEAR, tokens.get("memberA"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("totals").path("missed").path("meetings").findValuesAsString("meetingId"))
                .containsExactly(meetingId);
        Answer late = gateway.get("/api/v1/scorecards/" + members.get(1) + "?year=" + YEAR, tokens.get("secretaryA"));
        assertThat(late.body().path("totals").path("late").path("count").asInt())
                .isEqualTo(1);
        assertThat(late.body().path("totals").path("spoke").path("count").asInt())
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(notices(tokens.get("memberA")).findValuesAsString("kind"))
                        .contains("MEETING_ABSENT"));
        assertThat(gateway.get("/api/v1/notices/unread-count", tokens.get("memberA"))
                        .body()
                        .path("unread")
                        .asInt())
                .isEqualTo(2);

        Answer change = gateway.put(
                "/api/v1/meetings/" + meetingId + "/attendance",
                tokens.get("secretaryA"),
                Map.of("entries", List.of(line(3, "EXCUSED", false))));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.text("code")).isEqualTo("meeting-closed");
    }

    @Test
    @Order(4)
    void aRedeliveredMeetingClosedChangesNothing() throws Exception {
        ConsumerRecord<String, byte[]> original = closedRecord();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> again =
                    new ProducerRecord<>(original.topic(), original.key(), original.value());
            original.headers().forEach(h -> again.headers().add(h));
            producer.send(again).get(10, TimeUnit.SECONDS);
        }
        String absent = members.get(3);
        JsonNode before = gateway.get("/api/v1/scorecards/" + absent + "?year=" + YEAR, tokens.get("secretaryA"))
                .body();
        int noticesBefore = notices(tokens.get("memberA")).size();
        // Give both consumers time to see the copy, then compare.
        Thread.sleep(5000);
        assertThat(gateway.get("/api/v1/scorecards/" + absent + "?year=" + YEAR, tokens.get("secretaryA"))
                        .body())
                .isEqualTo(before);
        assertThat(notices(tokens.get("memberA"))).hasSize(noticesBefore);
        assertThat(before.path("totals").path("meetings").path("count").asInt()).isEqualTo(1);
    }

    private static ConsumerRecord<String, byte[]> closedRecord() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafkaBootstrap(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "e2e-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("meetings.meeting.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    var type = r.headers().lastHeader("ce_type");
                    if (meetingId.equals(r.key())
                            && type != null
                            && new String(type.value(), StandardCharsets.UTF_8).equals("meetings.meeting.closed")) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("MeetingClosed of " + meetingId + " not found on meetings.meeting.v1");
    }

    @Test
    @Order(5)
    void anotherCommitteeSeesNoneOfIt() {
        String outsider = tokens.get("secretaryB");
        assertThat(gateway.get("/api/v1/meetings/" + meetingId, outsider).status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/scorecards/" + members.get(3) + "?year=" + YEAR, outsider)
                        .status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/removal-reviews?cellId=" + cellA + "&year=" + YEAR, outsider)
                        .status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/members/" + members.get(3), outsider).status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/cells/" + cellA + "/roster", outsider).status())
                .isEqualTo(404);
        String someNotice = notices(tokens.get("memberA")).get(0).path("id").asString();
        assertThat(gateway.post("/api/v1/notices/" + someNotice + "/read", outsider, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(notices(outsider).findValuesAsString("meetingId")).doesNotContain(meetingId);
        assertThat(gateway.post("/api/v1/meetings/" + meetingId + "/close", outsider, Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(gateway.get("/api/v1/meetings?cellId=" + cellB, tokens.get("secretaryA"))
                        .body()
                        .path("content"))
                .isEmpty();
    }
}
