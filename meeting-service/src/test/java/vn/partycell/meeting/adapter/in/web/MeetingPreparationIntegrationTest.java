package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.application.VirusScan;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * Preparing a meeting over real HTTP, a real broker and the Mongo wire protocol: agenda items with
 * presenter and planned duration and the draft resolution (old and new request shapes, events
 * against their schemas), and attached documents in GridFS (magic-byte type check, virus-scan hook
 * with a refusing test scanner, size limits, download names, scope, after close).
 */
@ServiceIntegrationTest
@Import(MeetingPreparationIntegrationTest.RefusingVirusScan.class)
@TestPropertySource(
        properties = {
            "partycell.meeting-attachments.max-size=64KB",
            "partycell.web.upload-routes[0].path=/api/v1/meetings/*/attachments",
            "partycell.web.upload-routes[0].max-body-size=128KB"
        })
class MeetingPreparationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    /** A scanner that finds the EICAR test signature, as a real one would: the hook's refusing side. */
    @TestConfiguration
    static class RefusingVirusScan {
        @Bean
        @Primary
        VirusScan eicarFindingScan() {
            return (fileName, contentType, content) -> {
                String text = new String(content.readAllBytes(), StandardCharsets.ISO_8859_1);
                return text.contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
                        ? VirusScan.Verdict.refused("EICAR-Test-File")
                        : VirusScan.Verdict.accepted();
            };
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    TestEvents events;
    Http http;
    final HttpClient raw =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    UUID presenter;
    UUID other;
    String secretary;
    String member;
    String outsider;

    @BeforeEach
    void cellWithTwoMembers() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        member = TestTokens.user("dv").grant(cellPath, "member").token();
        outsider = TestTokens.user("bt-b").grant("/hy/b/", "secretary").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"%s","name":"Chi bộ Văn phòng","kind":"CELL","parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath.substring(6, cellPath.length() - 1), cellPath));
        presenter = register();
        other = register();
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

    private UUID register() {
        UUID id = UUID.randomUUID();
        events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                {"memberId":"%s","fullName":"Đảng viên %s","gender":"FEMALE","dateOfBirth":"1985-02-03",
                 "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                 "joinedOn":"2010-05-19","email":null,"version":1}""".formatted(
                        id, id.toString().substring(0, 4), cellId, cellPath));
        return id;
    }

    private Map<String, Object> meeting(Instant startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ tháng 12");
        body.put("startsAt", startsAt.toString());
        body.put("place", "Phòng họp tầng 2");
        return body;
    }

    private static Map<String, Object> item(String title, Object presenterId, Integer minutes) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("presenterId", presenterId);
        item.put("plannedMinutes", minutes);
        return item;
    }

    @Test
    void agendaItemsWithPresentersAndTheDraftResolutionAreScheduledChangedAndPublished() {
        Map<String, Object> body = meeting(Instant.now().plus(2, ChronoUnit.DAYS));
        body.put(
                "agendaItems",
                List.of(item("Báo cáo kết quả tháng 11", presenter, 30), item("Phân công nhiệm vụ", null, null)));
        body.put("draftResolution", "Dự thảo nghị quyết tháng 12: tăng cường kỷ luật");
        Answer scheduled = http.post("/api/v1/meetings", secretary, body);
        assertThat(scheduled.status()).isEqualTo(201);
        String id = scheduled.text("id");

        JsonNode read = http.get("/api/v1/meetings/" + id, member).body();
        assertThat(read.path("agenda").valueStream().map(JsonNode::asString))
                .containsExactly("Báo cáo kết quả tháng 11", "Phân công nhiệm vụ");
        assertThat(read.path("agendaItems").get(0).path("presenterId").asString())
                .isEqualTo(presenter.toString());
        assertThat(read.path("agendaItems").get(0).path("plannedMinutes").asInt())
                .isEqualTo(30);
        assertThat(read.path("agendaItems").get(1).path("presenterId").isNull()).isTrue();
        assertThat(read.path("draftResolution").asString()).startsWith("Dự thảo nghị quyết");

        // The former shape still schedules: titles only.
        Map<String, Object> old = meeting(Instant.now().plus(3, ChronoUnit.DAYS));
        old.put("agenda", List.of("Đánh giá kết quả tháng trước"));
        Answer former = http.post("/api/v1/meetings", secretary, old);
        assertThat(former.status()).isEqualTo(201);
        assertThat(former.body().path("agendaItems").get(0).path("title").asString())
                .isEqualTo("Đánh giá kết quả tháng trước");

        // A presenter who is not on the cell's roster: 422 naming the item's field.
        Map<String, Object> stranger = meeting(Instant.now().plus(2, ChronoUnit.DAYS));
        stranger.put("agendaItems", List.of(item("Báo cáo", UUID.randomUUID(), 10)));
        Answer unknown = http.post("/api/v1/meetings", secretary, stranger);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("code")).isEqualTo("presenter-not-on-roster");
        assertThat(unknown.body().toString()).contains("agendaItems[0].presenterId");

        // Both shapes, or neither, or a duration out of range: 400 naming the field.
        Map<String, Object> both = meeting(Instant.now().plus(2, ChronoUnit.DAYS));
        both.put("agenda", List.of("A"));
        both.put("agendaItems", List.of(item("B", null, null)));
        Answer twice = http.post("/api/v1/meetings", secretary, both);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").findValuesAsString("field")).contains("agendaItems");
        Answer none =
                http.post("/api/v1/meetings", secretary, meeting(Instant.now().plus(2, ChronoUnit.DAYS)));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().path("errors").findValuesAsString("field")).contains("agenda");
        Map<String, Object> tooLong = meeting(Instant.now().plus(2, ChronoUnit.DAYS));
        tooLong.put("agendaItems", List.of(item("B", null, 481)));
        Answer duration = http.post("/api/v1/meetings", secretary, tooLong);
        assertThat(duration.status()).isEqualTo(400);
        assertThat(duration.body().path("errors").findValuesAsString("field"))
                .contains("agendaItems[0].plannedMinutes");

        // After the notice, a new presenter goes through the change path: event with the previous plan.
        Answer changed = http.post(
                "/api/v1/meetings/" + id + "/reschedule",
                secretary,
                Map.of("agendaItems", List.of(item("Báo cáo kết quả tháng 11", other, 45))));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("agendaItems").get(0).path("presenterId").asString())
                .isEqualTo(other.toString());
        assertThat(changed.body().path("draftResolution").asString()).startsWith("Dự thảo nghị quyết");
        Answer badChange = http.post(
                "/api/v1/meetings/" + id + "/reschedule",
                secretary,
                Map.of("agendaItems", List.of(item("Báo cáo", UUID.randomUUID(), 45))));
        assertThat(badChange.status()).isEqualTo(422);
        assertThat(badChange.text("code")).isEqualTo("presenter-not-on-roster");

        List<ConsumerRecord<String, byte[]>> published = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> id.equals(x.key())).count() >= 2)
                .stream()
                .filter(r -> id.equals(r.key()))
                .toList();
        assertThat(published).hasSize(2);
        published.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());
        JsonNode first = JSON.readTree(published.get(0).value());
        assertThat(first.path("agenda")).hasSize(2);
        assertThat(first.path("agendaItems").get(0).path("presenterId").asString())
                .isEqualTo(presenter.toString());
        assertThat(first.path("draftResolution").asString()).startsWith("Dự thảo nghị quyết");
        JsonNode second = JSON.readTree(published.get(1).value());
        assertThat(EventContractValidator.header(published.get(1), "ce_type"))
                .isEqualTo("meetings.meeting.rescheduled");
        assertThat(second.path("changed").valueStream().map(JsonNode::asString)).containsExactly("agenda");
        assertThat(second.path("agendaItems").get(0).path("plannedMinutes").asInt())
                .isEqualTo(45);
        assertThat(second.path("agenda")).hasSize(1);
        assertThat(second.path("previous")
                        .path("agendaItems")
                        .get(0)
                        .path("presenterId")
                        .asString())
                .isEqualTo(presenter.toString());
    }

    @Test
    void documentsAreStoredInGridFsCheckedByContentAndScannedAndFinalAfterClose() throws Exception {
        Map<String, Object> body = meeting(Instant.now().plus(5, ChronoUnit.MINUTES));
        body.put("agenda", List.of("Thảo luận dự thảo nghị quyết"));
        String id = http.post("/api/v1/meetings", secretary, body).text("id");
        String base = "/api/v1/meetings/" + id + "/attachments";
        String name = "Dự thảo nghị quyết tháng 12.pdf";

        HttpResponse<String> uploaded = upload(id, secretary, name, "application/pdf", PDF);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode attachment = JSON.readTree(uploaded.body());
        assertThat(attachment.path("fileName").asString()).isEqualTo(name);
        assertThat(attachment.path("size").asLong()).isEqualTo(PDF.length);
        String attachmentId = attachment.path("id").asString();

        Answer listed = http.get(base, member);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(1);
        HttpResponse<byte[]> download = raw.send(
                request(base + "/" + attachmentId + "/content", member).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue(
                        "attachment; filename=\"Du thao nghi quyet thang 12.pdf\"; "
                                + "filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o%20ngh%E1%BB%8B%20quy%E1%BA%BFt%20th%C3%A1ng%2012.pdf");
        assertThat(gridFsFiles(id)).isEqualTo(1);
        long chunks = mongo.getCollection("meeting_attachments.chunks").countDocuments();

        // Refused, each a problem naming the field, and nothing stored (no file, no chunk).
        assertRefused(
                upload(id, secretary, "setup.exe", "application/x-msdownload", new byte[] {'M', 'Z', 0, 0}),
                422,
                "attachment-type-refused");
        assertRefused(
                upload(id, secretary, "gia.pdf", "application/pdf", "chỉ là chữ".getBytes(StandardCharsets.UTF_8)),
                422,
                "attachment-type-mismatch");
        assertRefused(
                upload(id, secretary, "eicar.txt", "text/plain", EICAR.getBytes(StandardCharsets.US_ASCII)),
                422,
                "attachment-refused-by-scan");
        assertRefused(upload(id, secretary, "lon.pdf", "application/pdf", pdfOf(100 * 1024)), 413, "payload-too-large");
        assertRefused(
                upload(id, secretary, "rat-lon.pdf", "application/pdf", pdfOf(200 * 1024)), 413, "payload-too-large");
        assertRefused(upload(id, secretary, "a/b.pdf", "application/pdf", PDF), 400, null);
        assertThat(gridFsFiles(id)).isEqualTo(1);
        assertThat(mongo.getCollection("meeting_attachments.chunks").countDocuments())
                .isEqualTo(chunks);

        // Scope on every endpoint: outside the subtree 404, a member 403 on writes.
        assertThat(upload(id, member, name, "application/pdf", PDF).statusCode())
                .isEqualTo(403);
        assertThat(upload(id, outsider, name, "application/pdf", PDF).statusCode())
                .isEqualTo(404);
        assertThat(http.get(base, outsider).status()).isEqualTo(404);
        assertThat(send(base + "/" + attachmentId + "/content", outsider, "GET"))
                .isEqualTo(404);
        assertThat(send(base + "/" + attachmentId, member, "DELETE")).isEqualTo(403);
        assertThat(send(base + "/" + attachmentId, outsider, "DELETE")).isEqualTo(404);
        assertThat(send(base + "/" + UUID.randomUUID() + "/content", member, "GET"))
                .isEqualTo(404);

        // Removed by the secretary before close: content gone too.
        assertThat(send(base + "/" + attachmentId, secretary, "DELETE")).isEqualTo(204);
        assertThat(http.get(base, member).body()).isEmpty();
        assertThat(gridFsFiles(id)).isZero();
        assertThat(mongo.getCollection("meeting_attachments.chunks")
                        .countDocuments(new Document("files_id", attachmentId)))
                .isZero();

        // Closed: the meeting's documents are final.
        String kept = JSON.readTree(upload(id, secretary, "bao-cao.pdf", "application/pdf", PDF)
                        .body())
                .path("id")
                .asString();
        assertThat(http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        List<Map<String, Object>> lines = List.of(
                Map.of("memberId", presenter, "status", "PRESENT"), Map.of("memberId", other, "status", "PRESENT"));
        assertThat(http.put("/api/v1/meetings/" + id + "/attendance", secretary, Map.of("entries", lines))
                        .status())
                .isEqualTo(200);
        assertThat(ClosingWithWaivers.close(http, secretary, id).status()).isEqualTo(200);
        assertRefused(upload(id, secretary, name, "application/pdf", PDF), 409, "meeting-closed");
        assertThat(send(base + "/" + kept, secretary, "DELETE")).isEqualTo(409);
        assertThat(http.get(base, member).body()).hasSize(1);
    }

    private long gridFsFiles(String meetingId) {
        return mongo.getCollection("meeting_attachments.files")
                .countDocuments(new Document("metadata.meetingId", meetingId));
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        return bytes;
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> upload(String meetingId, String token, String fileName, String type, byte[] content)
            throws Exception {
        String query = "?fileName="
                + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return raw.send(
                request("/api/v1/meetings/" + meetingId + "/attachments" + query, token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(content))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int send(String path, String token, String method) throws Exception {
        HttpResponse<InputStream> response = raw.send(
                request(path, token)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.readAllBytes();
        }
        return response.statusCode();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (code != null) {
            assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
        }
    }
}
