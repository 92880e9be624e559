package vn.partycell.meeting.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * A move of the committee above a cell (members.org-unit.moved on the embedded broker) carries every
 * record meeting-service keeps about the cell's meetings to the new path, not only the meetings:
 * proceedings, tasks, attendance replies, amendments and the attachments' GridFS metadata. The
 * superior of the new parent reads them, the superior of the old one no longer does.
 */
@ServiceIntegrationTest
class MeetingRecordsFollowOrgMoveIntegrationTest {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    TestEvents events;
    Http http;
    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final UUID committee = UUID.randomUUID();
    final UUID cellId = UUID.randomUUID();
    /** The committee moves from under /ha/o-… to under /hy/m-…: no common ancestor but the root. */
    final String before = "/ha/o-" + tag + "/k-" + tag + "/";

    final String after = "/hy/m-" + tag + "/k-" + tag + "/";
    final String cellBefore = before + "cb-1/";
    final String cellAfter = after + "cb-1/";
    final List<UUID> members = new ArrayList<>();

    @BeforeEach
    void cellOfTwoUnderTheCommittee() {
        events = new TestEvents(brokers);
        http = new Http(port);
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellBefore, """
                {"orgUnitId":"%s","code":"cb-1","name":"Chi bộ 1","kind":"CELL","parentId":"%s",
                 "orgPath":"%s","version":1}""".formatted(
                        cellId, committee, cellBefore));
        for (int i = 0; i < 2; i++) {
            UUID id = UUID.randomUUID();
            events.send("members.member.v1", "members.member.registered", id.toString(), cellBefore, """
                    {"memberId":"%s","fullName":"Đảng viên %d","gender":"MALE","dateOfBirth":"1980-02-03",
                     "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                     "joinedOn":"2010-05-19","email":null,"version":1}""".formatted(
                            id, i, cellId, cellBefore));
            members.add(id);
        }
        String secretary = secretary(cellBefore);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members"))
                        .hasSize(2));
    }

    @AfterEach
    void close() {
        events.close();
    }

    private static String secretary(String cellPath) {
        return TestTokens.user("bt").grant(cellPath, "secretary").token();
    }

    @Test
    void proceedingsTasksRepliesAmendmentsAndAttachmentsFollowTheMoveOfTheCommitteeAbove() throws Exception {
        String secretary = secretary(cellBefore);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cellId", cellId);
        plan.put("kind", "REGULAR");
        plan.put("title", "Sinh hoạt chi bộ tháng 12");
        plan.put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).toString());
        plan.put("place", "Hội trường");
        plan.put("agenda", List.of("Đánh giá kết quả tháng 11"));
        Answer scheduled = http.post("/api/v1/meetings", secretary, plan);
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String id = scheduled.text("id");
        String meeting = "/api/v1/meetings/" + id;

        String member = TestTokens.user("dv")
                .member(members.get(0))
                .grant(cellBefore, "member")
                .token();
        assertThat(http.put(meeting + "/replies/me", member, Map.of("answer", "ATTENDING"))
                        .status())
                .isEqualTo(200);
        assertThat(upload(id, secretary).statusCode()).isEqualTo(201);
        assertThat(http.post(meeting + "/start", secretary, Map.of()).status()).isEqualTo(200);
        List<Map<String, Object>> present = members.stream()
                .map(m -> Map.<String, Object>of("memberId", m, "status", "PRESENT"))
                .toList();
        assertThat(http.put(meeting + "/attendance", secretary, Map.of("entries", present))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(meeting + "/proceedings/speeches", secretary, Map.of("memberId", members.get(0)))
                        .status())
                .isEqualTo(200);
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(20);
        List<String> tasks = new ArrayList<>();
        for (UUID owner : members) {
            Answer task = http.post(
                    meeting + "/tasks",
                    secretary,
                    Map.of("ownerId", owner, "title", "Vận động 5 hộ tham gia làm đường", "dueOn", due.toString()));
            assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
            tasks.add(task.text("id"));
        }
        Answer closed = http.post(meeting + "/close", secretary, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        Answer amendment = http.post(
                meeting + "/amendments",
                secretary,
                Map.of(
                        "corrections",
                        List.of(Map.of("memberId", members.get(1), "status", "LATE")),
                        "reason",
                        "Đồng chí đến muộn 15 phút, biên bản ghi nhầm"));
        assertThat(amendment.status()).as(amendment.body().toString()).isEqualTo(201);

        String oldSuperior =
                TestTokens.user("du-o").grant("/ha/o-" + tag + "/", "superior").token();
        String newSuperior =
                TestTokens.user("du-m").grant("/hy/m-" + tag + "/", "superior").token();
        String task = "/api/v1/tasks/" + tasks.getFirst();
        assertThat(http.get(task, oldSuperior).status()).isEqualTo(200);
        assertThat(http.get(task, newSuperior).status()).isEqualTo(404);

        events.send("members.org-unit.v1", "members.org-unit.moved", committee.toString(), after, """
                {"orgUnitId":"%s","code":"k-%s","name":"Đảng ủy K","kind":"COMMITTEE","parentId":"%s",
                 "orgPath":"%s","previousOrgPath":"%s","version":2}""".formatted(
                        committee, tag, UUID.randomUUID(), after, before));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(http.get(meeting, newSuperior).status()).isEqualTo(200));
        // Each task is read by its own path: the new superior sees it, the old one no longer does.
        for (String t : tasks) {
            Answer read = http.get("/api/v1/tasks/" + t, newSuperior);
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(http.get("/api/v1/tasks/" + t, oldSuperior).status()).isEqualTo(404);
        }
        assertThat(http.get(meeting + "/proceedings", newSuperior).status()).isEqualTo(200);
        assertThat(http.get(meeting + "/proceedings", oldSuperior).status()).isEqualTo(404);

        // Every stored record of the meeting is under the new path, none is left under the old one.
        assertThat(paths("meeting_proceedings", "_id", id, "orgPath")).containsExactly(cellAfter);
        assertThat(paths("meeting_tasks", "meetingId", id, "orgPath")).containsExactly(cellAfter, cellAfter);
        assertThat(paths("attendance_replies", "meetingId", id, "orgPath")).containsExactly(cellAfter);
        assertThat(paths("meeting_amendments", "meetingId", id, "orgPath")).containsExactly(cellAfter);
        assertThat(paths("meeting_attachments.files", "metadata.meetingId", id, "metadata.orgPath"))
                .containsExactly(cellAfter);
        for (String collection :
                List.of("meeting_proceedings", "meeting_tasks", "attendance_replies", "meeting_amendments")) {
            assertThat(mongo.getCollection(collection).countDocuments(Filters.regex("orgPath", "^" + before)))
                    .as(collection)
                    .isZero();
        }
    }

    /** The org path of every record of the meeting in a collection ({@code field} may be dotted). */
    private List<String> paths(String collection, String key, String meetingId, String field) {
        List<String> found = new ArrayList<>();
        mongo.getCollection(collection).find(Filters.eq(key, meetingId)).forEach(d -> found.add(at(d, field)));
        return found;
    }

    private static String at(Document d, String field) {
        int dot = field.indexOf('.');
        return dot < 0
                ? d.getString(field)
                : at(d.get(field.substring(0, dot), Document.class), field.substring(dot + 1));
    }

    private HttpResponse<String> upload(String meetingId, String token) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/meetings/" + meetingId
                                        + "/attachments?fileName=chuong-trinh.pdf"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/pdf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(PDF))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
