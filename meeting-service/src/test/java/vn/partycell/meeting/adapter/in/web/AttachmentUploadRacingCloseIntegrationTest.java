package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
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
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.meeting.application.VirusScan;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * An upload that began while the meeting was open and ends after it was closed is refused, and its
 * file removed from GridFS: the test's virus scan is the controllable hook, closing the meeting over
 * HTTP while it "scans".
 */
@ServiceIntegrationTest
@Import(AttachmentUploadRacingCloseIntegrationTest.HookedVirusScan.class)
class AttachmentUploadRacingCloseIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);

    /** What the scan does while it reads a file (nothing unless a test sets it); it then accepts. */
    static final AtomicReference<Runnable> WHILE_SCANNING = new AtomicReference<>(() -> {});

    @TestConfiguration
    static class HookedVirusScan {
        @Bean
        @Primary
        VirusScan hookedScan() {
            return (fileName, contentType, content) -> {
                content.readAllBytes();
                WHILE_SCANNING.get().run();
                return VirusScan.Verdict.accepted();
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
    UUID an;
    UUID binh;
    String secretary;

    @BeforeEach
    void cellWithTwoMembers() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"%s","name":"Chi bộ Văn phòng","kind":"CELL","parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath.substring(6, cellPath.length() - 1), cellPath));
        an = register();
        binh = register();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members"))
                        .hasSize(2));
    }

    @AfterEach
    void close() {
        WHILE_SCANNING.set(() -> {});
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

    /** Scheduled, started and everyone present: ready to close. */
    private String held() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ tháng 12");
        body.put("startsAt", Instant.now().plus(5, ChronoUnit.MINUTES).toString());
        body.put("place", "Phòng họp tầng 2");
        body.put("agenda", List.of("Thảo luận dự thảo nghị quyết"));
        String id = http.post("/api/v1/meetings", secretary, body).text("id");
        assertThat(http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        List<Map<String, Object>> lines =
                List.of(Map.of("memberId", an, "status", "PRESENT"), Map.of("memberId", binh, "status", "PRESENT"));
        assertThat(http.put("/api/v1/meetings/" + id + "/attendance", secretary, Map.of("entries", lines))
                        .status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void anUploadTheMeetingsCloseOvertookIsRefusedAndItsStoredFileRemoved() throws Exception {
        String id = held();
        // In time: stored and listed.
        assertThat(upload(id, "chuong-trinh.pdf").statusCode()).isEqualTo(201);
        long chunks = mongo.getCollection("meeting_attachments.chunks").countDocuments();

        // The meeting is closed while the next file is being scanned.
        List<Integer> closedWhileScanning = new java.util.ArrayList<>();
        WHILE_SCANNING.set(() -> closedWhileScanning.add(
                ClosingWithWaivers.close(http, secretary, id).status()));
        HttpResponse<String> late = upload(id, "bao-cao-bo-sung.pdf");

        assertThat(closedWhileScanning).containsExactly(200);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(late.body()).path("code").asString()).isEqualTo("meeting-closed");
        // Nothing half-written: neither the file's description nor a chunk of it is left.
        assertThat(mongo.getCollection("meeting_attachments.files")
                        .countDocuments(new Document("metadata.meetingId", id)))
                .isEqualTo(1);
        assertThat(mongo.getCollection("meeting_attachments.chunks").countDocuments())
                .isEqualTo(chunks);
        assertThat(http.get("/api/v1/meetings/" + id + "/attachments", secretary)
                        .body()
                        .findValuesAsString("fileName"))
                .containsExactly("chuong-trinh.pdf");
    }

    private HttpResponse<String> upload(String meetingId, String fileName) throws Exception {
        return raw.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/meetings/" + meetingId
                                + "/attachments?fileName="
                                + URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + secretary)
                        .header("Content-Type", "application/pdf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(PDF))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
