package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.test.ApiFuzz;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.RawHttp;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * meeting-service against bad input and out-of-scope callers: no input reaches a 500, every 4xx is
 * problem+json, bodies are bounded, dates stay in their domain, out of scope is 404 on every write.
 */
@ServiceIntegrationTest
class MeetingApiHardeningIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    final UUID memberId = UUID.randomUUID();
    String secretary;

    @BeforeEach
    void cell() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"cb-x","name":"Chi bộ thôn Đình Dù","kind":"CELL",
                 "parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath));
        events.send("members.member.v1", "members.member.registered", memberId.toString(), cellPath, """
                {"memberId":"%s","fullName":"Đảng viên A","gender":"FEMALE","dateOfBirth":"1979-09-02",
                 "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"FULL","exempted":false,
                 "joinedOn":"2005-02-03","email":null,"version":1}""".formatted(
                        memberId, cellId, cellPath));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members")
                                .size()
                        == 1);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private Map<String, Object> meeting(Object startsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", "REGULAR");
        body.put("title", "Sinh hoạt chi bộ thường kỳ");
        body.put("startsAt", startsAt);
        body.put("place", "Nhà văn hóa thôn");
        body.put("agenda", List.of("Đánh giá kết quả tháng trước"));
        return body;
    }

    private String scheduled() {
        Answer answer = http.post(
                "/api/v1/meetings",
                secretary,
                meeting(Instant.now().plus(2, ChronoUnit.DAYS).toString()));
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    @Test
    void noMalformedRequestDerivedFromTheOpenApiDocumentReachesA5xx() throws Exception {
        String meetingId = scheduled();
        ApiFuzz fuzz = ApiFuzz.on(port)
                .token("admin", TestTokens.admin())
                .token(
                        "member",
                        TestTokens.user("dv")
                                .member(memberId)
                                .grant(cellPath, "member")
                                .token())
                .example("cellId", cellId.toString())
                .example("id", meetingId)
                .example("memberId", memberId.toString())
                .example(
                        "month",
                        java.time.YearMonth.now(vn.partycell.platform.kernel.VietnamTime.ZONE)
                                .toString())
                .example("partyGroupId", cellId.toString());

        List<String> findings = fuzz.run();

        assertThat(fuzz.sent()).isGreaterThan(300);
        assertThat(findings).isEmpty();
    }

    @Test
    void aMalformedSortIsA400NotA500() {
        for (String sort : List.of(",", ",,", "startsAt,sideways", "%2C", "title,asc,desc")) {
            Answer answer = http.get("/api/v1/meetings?sort=" + sort, secretary);
            assertThat(answer.status()).as(sort).isBetween(200, 499);
            assertThat(answer.status()).as(sort).isNotEqualTo(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void aMeetingOutsideItsDateWindowIsA400NamingStartsAt() {
        for (String startsAt : List.of(
                "+300000000-01-01T00:00:00Z",
                "-300000000-01-01T00:00:00Z",
                Instant.now().minus(400, ChronoUnit.DAYS).toString(),
                // In the past: a meeting is announced ahead of time, never afterwards.
                Instant.now().minus(300, ChronoUnit.DAYS).toString(),
                Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                Instant.now().plus(6 * 366, ChronoUnit.DAYS).toString())) {
            Answer answer = http.post("/api/v1/meetings", secretary, meeting(startsAt));
            assertThat(answer.status()).as(startsAt).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("errors").findValuesAsString("field")).containsExactly("startsAt");
        }
        assertThat(http.post(
                                "/api/v1/meetings",
                                secretary,
                                meeting(Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void tooManyAgendaItemsOrAttendanceLinesAreA400() {
        Map<String, Object> body =
                meeting(Instant.now().plus(2, ChronoUnit.DAYS).toString());
        body.put("agenda", java.util.Collections.nCopies(51, "Nội dung"));
        Answer agenda = http.post("/api/v1/meetings", secretary, body);
        assertThat(agenda.status()).isEqualTo(400);
        assertThat(agenda.body().path("errors").findValuesAsString("field")).containsExactly("agenda");

        Map<String, Object> line = Map.of("memberId", memberId, "status", "PRESENT");
        Answer lines = http.put(
                "/api/v1/meetings/" + scheduled() + "/attendance",
                secretary,
                Map.of("entries", java.util.Collections.nCopies(501, line)));
        assertThat(lines.status()).isEqualTo(400);
        assertThat(lines.body().path("errors").findValuesAsString("field")).containsExactly("entries");
    }

    @Test
    void aHugeChunkedBodyFromAPlainMemberIsA413NotAnOutOfMemoryError() throws Exception {
        String member = TestTokens.user("dv").grant(cellPath, "member").bearer();
        RawHttp.Reply reply =
                RawHttp.chunked(port, "POST", "/api/v1/meetings", member, 64L * 1024 * 1024, "{\"title\":\"");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.bytesSent()).isLessThan(32L * 1024 * 1024);
        // The service is still fine afterwards.
        assertThat(http.get("/api/v1/meetings", secretary).status()).isEqualTo(200);
    }

    @Test
    void everyWriteOutsideTheCallersSubtreeIs404LikeARandomIdAndTooLowARoleInsideIs403() {
        String meetingId = scheduled();
        String outsider = TestTokens.user("bt-b").grant("/hy/b/", "superior").token();
        String plainMember = TestTokens.user("dv").grant(cellPath, "member").token();
        String randomId = UUID.randomUUID().toString();
        Map<String, Object> attendance = Map.of("entries", List.of(Map.of("memberId", memberId, "status", "PRESENT")));
        Map<String, Object> randomCell =
                meeting(Instant.now().plus(2, ChronoUnit.DAYS).toString());
        randomCell.put("cellId", randomId);

        List<Answer> outside = List.of(
                http.post(
                        "/api/v1/meetings",
                        outsider,
                        meeting(Instant.now().plus(2, ChronoUnit.DAYS).toString())),
                http.put("/api/v1/meetings/" + meetingId + "/attendance", outsider, attendance),
                http.post("/api/v1/meetings/" + meetingId + "/close", outsider, Map.of()));
        List<Answer> random = List.of(
                http.post("/api/v1/meetings", secretary, randomCell),
                http.put("/api/v1/meetings/" + randomId + "/attendance", secretary, attendance),
                http.post("/api/v1/meetings/" + randomId + "/close", secretary, Map.of()));
        for (int i = 0; i < outside.size(); i++) {
            assertThat(outside.get(i).status()).as("write %d out of scope", i).isEqualTo(404);
            assertThat(outside.get(i).contentType()).startsWith("application/problem+json");
            assertThat(random.get(i).status()).as("write %d on a random id", i).isEqualTo(404);
            assertThat(outside.get(i).text("detail")).isEqualTo(random.get(i).text("detail"));
        }
        for (Answer weak : List.of(
                http.post(
                        "/api/v1/meetings",
                        plainMember,
                        meeting(Instant.now().plus(2, ChronoUnit.DAYS).toString())),
                http.put("/api/v1/meetings/" + meetingId + "/attendance", plainMember, attendance),
                http.post("/api/v1/meetings/" + meetingId + "/close", plainMember, Map.of()))) {
            assertThat(weak.status()).isEqualTo(403);
            assertThat(weak.text("code")).isEqualTo("forbidden");
        }
    }
}
