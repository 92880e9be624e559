package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * A closed meeting over real HTTP, a real broker and the Mongo wire protocol: its one MeetingClosed
 * event with every per-member fact (revision 2, valid against the schema), and its printed minutes
 * read back as text, with scope (404 outside the subtree) and no minutes before the close.
 */
@ServiceIntegrationTest
class ClosedMeetingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final HttpClient client = HttpClient.newHttpClient();
    final List<String> names = List.of("Nguyễn Văn An", "Trần Thị Hồng Nhung", "Lê Văn Đức");
    UUID cellId;
    List<UUID> members;
    String secretary;
    String member;
    String outsider;
    String superior;

    @BeforeEach
    void cellWithThreeMembers() {
        events = new TestEvents(brokers);
        http = new Http(port);
        superior = TestTokens.user("du-a")
                .member(UUID.randomUUID())
                .grant("/hy/a/", "superior")
                .token();
        CellOnRoster cell = CellOnRoster.of(events, http, superior, "Chi bộ thôn Đình Dù", names);
        cellId = cell.id;
        members = cell.members;
        secretary = TestTokens.user("bt").grant(cell.path, "secretary").token();
        member = TestTokens.user("dv").grant(cell.path, "member").token();
        outsider = TestTokens.user("du-b").grant("/hy/b/", "superior").token();
    }

    @AfterEach
    void close() {
        events.close();
    }

    private String inProgress() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ thường kỳ");
        body.put("startsAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString());
        body.put("place", "Nhà văn hóa thôn");
        body.put("agenda", List.of("Đánh giá kết quả tháng trước", "Phân công nhiệm vụ"));
        Answer scheduled = http.post("/api/v1/meetings", secretary, body);
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String id = scheduled.text("id");
        assertThat(http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        Answer attendance = http.put(
                "/api/v1/meetings/" + id + "/attendance",
                secretary,
                Map.of(
                        "entries",
                        List.of(
                                Map.of("memberId", members.get(0), "status", "PRESENT", "spoke", true),
                                Map.of("memberId", members.get(1), "status", "LATE", "spoke", false),
                                Map.of(
                                        "memberId",
                                        members.get(2),
                                        "status",
                                        "EXCUSED",
                                        "reason",
                                        "Ốm, đã báo trước",
                                        "spoke",
                                        false))));
        assertThat(attendance.status()).as(attendance.body().toString()).isEqualTo(200);
        // At the conclusion the two present members are given their tasks (closing waits for them).
        for (UUID present : members.subList(0, 2)) {
            Answer task = http.post(
                    "/api/v1/meetings/" + id + "/tasks",
                    secretary,
                    Map.of(
                            "ownerId",
                            present,
                            "title",
                            "Vận động 5 hộ tham gia làm đường giao thông",
                            "dueOn",
                            java.time.LocalDate.now(vn.partycell.platform.kernel.VietnamTime.ZONE)
                                    .plusDays(30)
                                    .toString()));
            assertThat(task.status()).as(task.body().toString()).isEqualTo(201);
        }
        return id;
    }

    private HttpResponse<byte[]> minutes(String meetingId, String token, String accept)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/meetings/" + meetingId + "/minutes"))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aClosedMeetingsMinutesArePrintedWithItsFactsAndTheSuperiorsGrade() throws Exception {
        String id = inProgress();
        assertThat(http.post("/api/v1/meetings/" + id + "/close", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        Answer graded = http.post(
                "/api/v1/meetings/" + id + "/grade",
                superior,
                Map.of("grade", "GOOD", "comment", "Chuẩn bị chu đáo", "attended", true));
        assertThat(graded.status()).as(graded.body().toString()).isEqualTo(201);

        HttpResponse<byte[]> printed = minutes(id, member, "application/pdf");

        assertThat(printed.statusCode()).isEqualTo(200);
        assertThat(printed.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(printed.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("inline;")
                .contains("bien-ban-sinh-hoat-");
        String text;
        try (PDDocument pdf = Loader.loadPDF(printed.body())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("BIÊN BẢN SINH HOẠT CHI BỘ THƯỜNG KỲ")
                .contains("Chi bộ thôn Đình Dù")
                .contains("Đảng viên tính túc số: 3; có mặt: 2; cần có mặt: 2 — đủ túc số.")
                .contains("Nguyễn Văn An")
                .contains("Trần Thị Hồng Nhung")
                .contains("Vắng có lý do: Ốm, đã báo trước")
                .contains("Xếp loại: Tốt")
                .contains("V. Nhiệm vụ được giao")
                .contains("Vận động 5 hộ tham gia làm đường giao thông")
                .contains("Nhận xét: Chuẩn bị chu đáo");
    }

    @Test
    void minutesAre404OutsideTheSubtreeAnd409BeforeTheMeetingIsClosed() throws Exception {
        String id = inProgress();

        HttpResponse<byte[]> notFinal = minutes(id, member, "application/pdf");
        assertThat(notFinal.statusCode()).isEqualTo(409);
        assertThat(notFinal.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(new String(notFinal.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("minutes-not-final");

        assertThat(http.post("/api/v1/meetings/" + id + "/close", secretary, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(minutes(id, outsider, "application/pdf").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> unknown = minutes(UUID.randomUUID().toString(), member, "application/pdf");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(minutes(id, superior, "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void theClosingEventCarriesWhatEachMemberDidFromTheProceedingsAndTheTasks() {
        String id = inProgress();
        String proceedings = "/api/v1/meetings/" + id + "/proceedings";
        assertThat(http.post(
                                proceedings + "/speeches",
                                secretary,
                                Map.of("memberId", members.get(1), "subject", "Dự thảo"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                proceedings + "/remarks",
                                secretary,
                                Map.of("kind", "COMMENDATION", "memberId", members.get(0), "reason", "Hoàn thành tốt"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                proceedings + "/remarks",
                                secretary,
                                Map.of("kind", "CRITICISM", "memberId", members.get(1), "reason", "Đến muộn"))
                        .status())
                .isEqualTo(200);
        Answer resolution = http.post(proceedings + "/resolutions", secretary, Map.of("title", "Nghị quyết tháng"));
        assertThat(resolution.status()).as(resolution.body().toString()).isEqualTo(201);
        String resolutionId =
                resolution.body().path("resolutions").get(0).path("id").asString();
        Answer votes = http.post(
                proceedings + "/resolutions/" + resolutionId + "/votes",
                secretary,
                Map.of(
                        "ballots",
                        List.of(
                                Map.of("memberId", members.get(0), "choice", "FOR"),
                                Map.of("memberId", members.get(1), "choice", "AGAINST"))));
        assertThat(votes.status()).as(votes.body().toString()).isEqualTo(200);

        Answer closed = http.post("/api/v1/meetings/" + id + "/close", secretary, Map.of());
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

        ConsumerRecord<String, byte[]> event = TopicProbe.read(
                        brokers,
                        "meetings.meeting.v1",
                        Duration.ofSeconds(20),
                        r -> r.stream().anyMatch(x -> id.equals(x.key()) && isClosed(x)))
                .stream()
                .filter(x -> id.equals(x.key()) && isClosed(x))
                .findFirst()
                .orElseThrow();
        assertThat(EventContractValidator.violations(event)).isEmpty();
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("revision").asInt()).isEqualTo(3);
        JsonNode first = line(data, members.get(0));
        assertThat(first.path("spoke").asBoolean()).isTrue();
        assertThat(first.path("commendations").asInt()).isEqualTo(1);
        assertThat(first.path("criticisms").asInt()).isZero();
        assertThat(first.path("votesCast").asInt()).isEqualTo(1);
        assertThat(first.path("tasksAssigned").asInt()).isEqualTo(1);
        assertThat(first.path("selfCriticised").asBoolean()).isFalse();
        JsonNode second = line(data, members.get(1));
        assertThat(second.path("spoke").asBoolean())
                .as("a speech in the proceedings")
                .isTrue();
        assertThat(second.path("criticisms").asInt()).isEqualTo(1);
        assertThat(second.path("votesCast").asInt()).isEqualTo(1);
        assertThat(second.path("tasksAssigned").asInt()).isEqualTo(1);
        JsonNode excused = line(data, members.get(2));
        assertThat(excused.path("status").asString()).isEqualTo("EXCUSED");
        assertThat(excused.path("spoke").asBoolean()).isFalse();
        assertThat(excused.path("votesCast").asInt()).isZero();
        assertThat(excused.path("tasksAssigned").asInt()).isZero();
    }

    private static boolean isClosed(ConsumerRecord<String, byte[]> record) {
        return "meetings.meeting.closed".equals(EventContractValidator.header(record, "ce_type"));
    }

    private static JsonNode line(JsonNode data, UUID member) {
        return data.path("attendance")
                .valueStream()
                .filter(a -> a.path("memberId").asString().equals(member.toString()))
                .findFirst()
                .orElseThrow();
    }
}
