package vn.partycell.meeting.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
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
 * A meeting's proceedings over real HTTP, a real broker and the Mongo wire protocol: speakers against
 * the year's target, commendations and criticisms, resolutions voted by full members present, the
 * congress's election published for member-service and held once a term; scope on every endpoint;
 * every bad input a 4xx problem naming the field that writes nothing.
 */
@ServiceIntegrationTest
class ProceedingsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TestEvents events;
    Http http;
    final UUID cellId = UUID.randomUUID();
    final String cellPath = "/hy/a/cb-" + cellId.toString().substring(0, 6) + "/";
    /** Nine full members; the last of them is absent at every meeting here. */
    final List<UUID> full = new ArrayList<>();

    UUID probationary;
    String secretary;
    String member;
    String outsider;

    @BeforeEach
    void cellOfNineFullMembersAndOneProbationary() {
        events = new TestEvents(brokers);
        http = new Http(port);
        secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        member = TestTokens.user("dv").grant(cellPath, "member").token();
        outsider = TestTokens.user("du-b").grant("/hy/b/", "superior").token();
        events.send("members.org-unit.v1", "members.org-unit.created", cellId.toString(), cellPath, """
                {"orgUnitId":"%s","code":"%s","name":"Chi bộ Sở Tư pháp","kind":"CELL","parentId":null,"orgPath":"%s","version":1}""".formatted(
                        cellId, cellPath.substring(6, cellPath.length() - 1), cellPath));
        for (int i = 0; i < 9; i++) {
            full.add(register("FULL"));
        }
        probationary = register("PROBATIONARY");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/cells/" + cellId + "/roster", secretary)
                                .body()
                                .path("members")
                                .size()
                        == 10);
    }

    @AfterEach
    void close() {
        events.close();
    }

    private UUID register(String status) {
        UUID id = UUID.randomUUID();
        events.send("members.member.v1", "members.member.registered", id.toString(), cellPath, """
                {"memberId":"%s","fullName":"Đảng viên %s","gender":"MALE","dateOfBirth":"1980-05-19",
                 "cellId":"%s","partyGroupId":null,"orgPath":"%s","status":"%s","exempted":false,
                 "joinedOn":"2006-03-26","email":null,"version":1}""".formatted(
                        id, id.toString().substring(0, 4), cellId, cellPath, status));
        return id;
    }

    /** A meeting of the kind, opened now, with everyone present but the last full member. */
    private String held(String kind) {
        String id = scheduled(kind);
        Answer started = http.post("/api/v1/meetings/" + id + "/start", secretary, Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (UUID m : full) {
            lines.add(Map.of("memberId", m, "status", m.equals(full.getLast()) ? "ABSENT" : "PRESENT"));
        }
        lines.add(Map.of("memberId", probationary, "status", "PRESENT"));
        Answer attendance = http.put("/api/v1/meetings/" + id + "/attendance", secretary, Map.of("entries", lines));
        assertThat(attendance.status()).as(attendance.body().toString()).isEqualTo(200);
        return id;
    }

    private String scheduled(String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cellId", cellId);
        body.put("kind", kind);
        body.put("title", "CONGRESS".equals(kind) ? "Đại hội chi bộ nhiệm kỳ 2025–2030" : "Sinh hoạt chi bộ");
        body.put("startsAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString());
        body.put("place", "Hội trường");
        body.put("agenda", List.of("Thảo luận và biểu quyết"));
        Answer meeting = http.post("/api/v1/meetings", secretary, body);
        assertThat(meeting.status()).as(meeting.body().toString()).isEqualTo(201);
        return meeting.text("id");
    }

    private String base(String meetingId) {
        return "/api/v1/meetings/" + meetingId + "/proceedings";
    }

    private long version(String meetingId) {
        return http.get(base(meetingId), secretary).body().path("version").asLong();
    }

    @Test
    void speakersRemarksAndVotesAreRecordedOnlyWhileTheMeetingIsHeldAndReadAgainstTheTarget() {
        String notStarted = scheduled("REGULAR");
        Answer early = http.post(base(notStarted) + "/speeches", secretary, Map.of("memberId", full.get(0)));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.text("code")).isEqualTo("meeting-not-started");
        assertThat(early.text("field")).isEqualTo("status");

        String id = held("REGULAR");
        for (int i = 0; i < 7; i++) {
            Answer spoke = http.post(
                    base(id) + "/speeches", secretary, Map.of("memberId", full.get(i), "subject", "Ý kiến " + i));
            assertThat(spoke.status()).as(spoke.body().toString()).isEqualTo(200);
        }
        Answer seven = http.get(base(id), member);
        assertThat(seven.status()).isEqualTo(200);
        assertThat(seven.body().path("speakers").path("count").asInt()).isEqualTo(7);
        assertThat(seven.body().path("speakers").path("target").asInt()).isEqualTo(8);
        assertThat(seven.body().path("speakers").path("met").asBoolean()).isFalse();
        assertThat(http.post(base(id) + "/speeches", secretary, Map.of("memberId", probationary))
                        .body()
                        .path("speakers")
                        .path("met")
                        .asBoolean())
                .isTrue();

        long before = version(id);
        Answer stranger = http.post(base(id) + "/speeches", secretary, Map.of("memberId", UUID.randomUUID()));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        assertThat(stranger.text("field")).isEqualTo("memberId");
        Answer absentSpeaker = http.post(base(id) + "/speeches", secretary, Map.of("memberId", full.getLast()));
        assertThat(absentSpeaker.status()).isEqualTo(422);
        assertThat(absentSpeaker.text("code")).isEqualTo("speaker-absent");
        Answer strangerCriticised = http.post(
                base(id) + "/remarks",
                secretary,
                Map.of("kind", "CRITICISM", "memberId", UUID.randomUUID(), "reason", "Vắng"));
        assertThat(strangerCriticised.status()).isEqualTo(422);
        assertThat(strangerCriticised.text("field")).isEqualTo("memberId");
        Answer noReason =
                http.post(base(id) + "/remarks", secretary, Map.of("kind", "COMMENDATION", "memberId", full.get(0)));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(version(id)).isEqualTo(before);

        assertThat(http.post(
                                base(id) + "/remarks",
                                secretary,
                                Map.of("kind", "COMMENDATION", "memberId", full.get(0), "reason", "Gương mẫu"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                base(id) + "/remarks",
                                secretary,
                                Map.of("kind", "CRITICISM", "memberId", full.getLast(), "reason", "Vắng không lý do"))
                        .status())
                .isEqualTo(200);

        Answer proposed = http.post(
                base(id) + "/resolutions", secretary, Map.of("title", "Nghị quyết tháng", "text", "Toàn văn"));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        String resolution =
                proposed.body().path("resolutions").get(0).path("id").asString();
        String votes = base(id) + "/resolutions/" + resolution + "/votes";
        long proposedVersion = version(id);
        Answer byProbationary = http.post(votes, secretary, ballots(Map.of(full.get(0), "FOR", probationary, "FOR")));
        assertThat(byProbationary.status()).isEqualTo(422);
        assertThat(byProbationary.text("code")).isEqualTo("votes-invalid");
        assertThat(byProbationary.text("field")).isEqualTo("ballots");
        Answer byAbsent = http.post(votes, secretary, ballots(Map.of(full.getLast(), "FOR")));
        assertThat(byAbsent.status()).as("more votes than full members present").isEqualTo(422);
        Answer badChoice = http.post(votes, secretary, Map.of("ballots", List.of(Map.of("memberId", full.get(0)))));
        assertThat(badChoice.status()).isEqualTo(400);
        assertThat(badChoice.body().path("errors").findValuesAsString("field")).containsExactly("ballots[0].choice");
        assertThat(version(id)).isEqualTo(proposedVersion);
        assertThat(http.get(base(id), secretary)
                        .body()
                        .path("resolutions")
                        .get(0)
                        .path("ballots"))
                .isEmpty();

        Map<UUID, String> four = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            four.put(full.get(i), "FOR");
        }
        four.put(full.get(4), "AGAINST");
        Answer counted = http.post(votes, secretary, ballots(four));
        assertThat(counted.status()).as(counted.body().toString()).isEqualTo(200);
        JsonNode r = counted.body().path("resolutions").get(0);
        assertThat(r.path("eligible").asInt()).isEqualTo(9);
        assertThat(r.path("required").asInt()).isEqualTo(5);
        assertThat(r.path("votesFor").asInt()).isEqualTo(4);
        assertThat(r.path("passed").asBoolean()).as("4 of 9 full members").isFalse();
        Answer stale = withIfMatch(votes, ballots(Map.of(full.get(5), "FOR")), "\"" + proposedVersion + "\"");
        assertThat(stale.status()).isEqualTo(409);
        Answer fifth = withIfMatch(votes, ballots(Map.of(full.get(5), "FOR")), counted.etag());
        assertThat(fifth.status()).as(fifth.body().toString()).isEqualTo(200);
        assertThat(fifth.body().path("resolutions").get(0).path("passed").asBoolean())
                .as("5 of 9 full members is more than half")
                .isTrue();

        Answer closed = ClosingWithWaivers.close(http, secretary, id);
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        Answer afterClose = http.post(base(id) + "/speeches", secretary, Map.of("memberId", full.get(8)));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.text("code")).isEqualTo("meeting-closed");
        JsonNode read = http.get(base(id), member).body();
        assertThat(read.path("speeches")).hasSize(8);
        assertThat(read.path("remarks").findValuesAsString("kind")).containsExactly("COMMENDATION", "CRITICISM");
    }

    @Test
    void aCongressElectsItsSecretaryFromFullMembersPublishesTheResultAndIsHeldOnceATerm() {
        String id = held("CONGRESS");
        String elections = base(id) + "/elections";
        Answer probationaryStands = http.post(
                elections,
                secretary,
                Map.of("role", "SECRETARY", "seats", 1, "candidates", List.of(full.get(0), probationary)));
        assertThat(probationaryStands.status()).isEqualTo(422);
        assertThat(probationaryStands.text("code")).isEqualTo("candidates-invalid");
        assertThat(probationaryStands.text("field")).isEqualTo("candidates");
        Answer noSeats = http.post(
                elections, secretary, Map.of("role", "SECRETARY", "seats", 0, "candidates", List.of(full.get(0))));
        assertThat(noSeats.status()).isEqualTo(400);
        assertThat(noSeats.body().path("errors").findValuesAsString("field")).containsExactly("seats");
        assertThat(version(id)).isZero();

        Answer opened = http.post(
                elections,
                secretary,
                Map.of("role", "SECRETARY", "seats", 1, "candidates", List.of(full.get(0), full.get(1))));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String election = opened.body().path("elections").get(0).path("id").asString();
        String ballots = elections + "/" + election + "/ballots";
        Answer probationaryVotes = http.post(
                ballots,
                secretary,
                Map.of("ballots", List.of(Map.of("voterId", probationary, "chosen", List.of(full.get(0))))));
        assertThat(probationaryVotes.status()).isEqualTo(422);
        assertThat(probationaryVotes.text("field")).isEqualTo("ballots");
        List<Map<String, Object>> cast = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cast.add(Map.of("voterId", full.get(i), "chosen", List.of(i < 6 ? full.get(0) : full.get(1))));
        }
        assertThat(http.post(ballots, secretary, Map.of("ballots", cast)).status())
                .isEqualTo(200);
        Answer twice = http.post(
                ballots, secretary, Map.of("ballots", List.of(Map.of("voterId", full.get(0), "chosen", List.of()))));
        assertThat(twice.status()).isEqualTo(422);
        Answer counted = http.post(elections + "/" + election + "/count", secretary, Map.of());
        assertThat(counted.status()).as(counted.body().toString()).isEqualTo(200);
        JsonNode result = counted.body().path("elections").get(0);
        assertThat(result.path("ballotsCast").asInt()).isEqualTo(8);
        assertThat(result.path("required").asInt()).isEqualTo(5);
        assertThat(result.path("elected").get(0).asString())
                .isEqualTo(full.get(0).toString());
        assertThat(http.post(elections + "/" + election + "/count", secretary, Map.of())
                        .status())
                .isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> published = TopicProbe.read(
                        brokers,
                        "meetings.congress.v1",
                        Duration.ofSeconds(20),
                        rs -> rs.stream().anyMatch(x -> cellId.toString().equals(x.key())))
                .stream()
                .filter(x -> cellId.toString().equals(x.key()))
                .toList();
        assertThat(published).hasSize(1);
        assertThat(EventContractValidator.violations(published.getFirst())).isEmpty();
        assertThat(EventContractValidator.header(published.getFirst(), "ce_type"))
                .isEqualTo("meetings.congress.elected");
        JsonNode data = JSON.readTree(published.getFirst().value());
        assertThat(data.path("role").asString()).isEqualTo("SECRETARY");
        assertThat(data.path("meetingId").asString()).isEqualTo(id);
        assertThat(data.path("elected").get(0).asString()).isEqualTo(full.get(0).toString());
        assertThat(data.path("votes").get(0).path("votes").asInt()).isEqualTo(6);

        // A second congress in the same term is refused; a by-election at an extraordinary meeting is not.
        String second = held("CONGRESS");
        Answer again = http.post(
                base(second) + "/elections",
                secretary,
                Map.of("role", "COMMITTEE_MEMBER", "seats", 1, "candidates", List.of(full.get(2))));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.text("code")).isEqualTo("congress-already-held-in-term");
        assertThat(again.text("field")).isEqualTo("kind");
        assertThat(version(second)).isZero();
        String extraordinary = held("EXTRAORDINARY");
        assertThat(http.post(
                                base(extraordinary) + "/elections",
                                secretary,
                                Map.of("role", "COMMITTEE_MEMBER", "seats", 1, "candidates", List.of(full.get(2))))
                        .status())
                .isEqualTo(201);
        Answer atRegular = http.post(
                base(held("REGULAR")) + "/elections",
                secretary,
                Map.of("role", "SECRETARY", "seats", 1, "candidates", List.of(full.get(2))));
        assertThat(atRegular.status()).isEqualTo(422);
        assertThat(atRegular.text("field")).isEqualTo("kind");
    }

    @Test
    void everyProceedingsEndpointIs404OutsideTheSubtreeAnd403WithTooLowARole() {
        String id = held("CONGRESS");
        String resolution = http.post(base(id) + "/resolutions", secretary, Map.of("title", "Nghị quyết"))
                .body()
                .path("resolutions")
                .get(0)
                .path("id")
                .asString();
        String election = http.post(
                        base(id) + "/elections",
                        secretary,
                        Map.of("role", "SECRETARY", "seats", 1, "candidates", List.of(full.get(0))))
                .body()
                .path("elections")
                .get(0)
                .path("id")
                .asString();
        long version = version(id);
        Answer outside = http.get(base(id), outsider);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/meetings/" + UUID.randomUUID() + "/proceedings", secretary)
                        .status())
                .isEqualTo(404);
        for (String token : List.of(outsider, member)) {
            int expected = token.equals(outsider) ? 404 : 403;
            List<Answer> writes = List.of(
                    http.post(base(id) + "/speeches", token, Map.of("memberId", full.get(0))),
                    http.post(
                            base(id) + "/remarks",
                            token,
                            Map.of("kind", "COMMENDATION", "memberId", full.get(0), "reason", "Tốt")),
                    http.post(base(id) + "/resolutions", token, Map.of("title", "Nghị quyết")),
                    http.post(
                            base(id) + "/resolutions/" + resolution + "/votes",
                            token,
                            ballots(Map.of(full.get(0), "FOR"))),
                    http.post(
                            base(id) + "/elections",
                            token,
                            Map.of("role", "DEPUTY_SECRETARY", "seats", 1, "candidates", List.of(full.get(1)))),
                    http.post(
                            base(id) + "/elections/" + election + "/ballots",
                            token,
                            Map.of("ballots", List.of(Map.of("voterId", full.get(0), "chosen", List.of(full.get(0)))))),
                    http.post(base(id) + "/elections/" + election + "/count", token, Map.of()));
            for (int i = 0; i < writes.size(); i++) {
                assertThat(writes.get(i).status()).as("write %d", i).isEqualTo(expected);
                assertThat(writes.get(i).contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(version(id)).isEqualTo(version);
    }

    private static Map<String, Object> ballots(Map<UUID, String> choices) {
        List<Map<String, Object>> lines = new ArrayList<>();
        choices.forEach((m, c) -> lines.add(Map.of("memberId", m, "choice", c)));
        return Map.of("ballots", lines);
    }

    /** The meeting itself shows its speakers against the year's target, counted as its proceedings are. */
    @Test
    void theMeetingShowsItsSpeakersAgainstTheTargetAsItsProceedingsDo() {
        String id = held("REGULAR");
        JsonNode none = http.get("/api/v1/meetings/" + id, member).body().path("speakers");
        assertThat(none.path("count").asInt()).isZero();
        assertThat(none.path("target").asInt()).isEqualTo(8);
        assertThat(none.path("met").asBoolean()).isFalse();

        for (int i = 0; i < 7; i++) {
            assertThat(http.post(base(id) + "/speeches", secretary, Map.of("memberId", full.get(i)))
                            .status())
                    .isEqualTo(200);
        }
        // The older way to record it (the spoke flag on the attendance line) counts too, once per member.
        List<Map<String, Object>> lines = List.of(
                Map.of("memberId", full.get(0), "status", "PRESENT", "spoke", true),
                Map.of("memberId", probationary, "status", "PRESENT", "spoke", true));
        assertThat(http.put("/api/v1/meetings/" + id + "/attendance", secretary, Map.of("entries", lines))
                        .status())
                .isEqualTo(200);

        Answer meeting = http.get("/api/v1/meetings/" + id, member);
        assertThat(meeting.status()).isEqualTo(200);
        JsonNode proceedings = http.get(base(id), member).body().path("speakers");
        assertThat(meeting.body().path("speakers")).isEqualTo(proceedings);
        assertThat(meeting.body().path("speakers").path("count").asInt()).isEqualTo(8);
        assertThat(meeting.body().path("speakers").path("met").asBoolean()).isTrue();

        // Still shown once the meeting is closed; outside the subtree the meeting does not exist.
        assertThat(ClosingWithWaivers.close(http, secretary, id).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/meetings/" + id, member)
                        .body()
                        .path("speakers")
                        .path("count")
                        .asInt())
                .isEqualTo(8);
        assertThat(http.get("/api/v1/meetings/" + id, outsider).status()).isEqualTo(404);

        // Documented in the OpenAPI schema of the meeting.
        JsonNode schemas =
                http.get("/v3/api-docs", member).body().path("components").path("schemas");
        JsonNode speakers = schemas.path("MeetingResponse").path("properties").path("speakers");
        assertThat(speakers.toString()).contains("SpeakersView").contains("chỉ tiêu");
        assertThat(schemas.path("SpeakersView").path("properties").propertyNames())
                .containsExactlyInAnyOrder("count", "target", "met");
    }

    /** The platform's Http sends no If-Match; this request does, through the same answer shape. */
    private Answer withIfMatch(String path, Object body, String etag) {
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri(path)
                .header("Authorization", "Bearer " + secretary)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(body))
                .exchange((req, res) -> {
                    byte[] bytes = res.getBody().readAllBytes();
                    return new Answer(
                            res.getStatusCode().value(),
                            bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes),
                            String.valueOf(res.getHeaders().getContentType()),
                            res.getHeaders().getETag());
                });
    }
}
