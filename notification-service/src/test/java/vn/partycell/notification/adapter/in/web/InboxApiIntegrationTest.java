package vn.partycell.notification.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import vn.partycell.notification.application.RosterRepository;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.notification.support.MeetingLoop;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * The inbox over HTTP: a person sees and marks only their own notices, newest first, with unread
 * counts; nobody else (another member of the cell, another committee) can see or mark them.
 */
@ServiceIntegrationTest
class InboxApiIntegrationTest {

    static final Instant STARTS = Instant.parse("2026-03-05T12:30:00Z");
    static final String TITLE = "Sinh hoạt chi bộ thường kỳ tháng 3/2026";
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    RosterRepository roster;

    MeetingLoop loop;
    Http http;
    final UUID an = UUID.randomUUID();
    final UUID binh = UUID.randomUUID();
    final UUID meetingId = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        loop = new MeetingLoop(broker.getBrokersAsString(), "a");
        http = new Http(port);
        // An and Bình are in the cell; the meeting is announced to both, then An misses it without excuse.
        loop.registered(an, "Nguyễn Văn An", "FULL");
        loop.registered(binh, "Trần Thị Bình", "FULL");
        await().atMost(WAIT)
                .until(() -> roster.member(new MemberId(an))
                                .map(RosterMember::version)
                                .isPresent()
                        && roster.member(new MemberId(binh))
                                .map(RosterMember::version)
                                .isPresent());
        loop.scheduled(meetingId, TITLE, STARTS);
        await().atMost(WAIT).until(() -> total(token(an)) == 1 && total(token(binh)) == 1);
        // evaluation-service counts An's absence; its fact is what the absence notice is worded from.
        loop.absenceCounted(an, meetingId, TITLE, STARTS, List.of(3), "NONE");
        await().atMost(WAIT).until(() -> total(token(an)) == 2);
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    private String token(UUID member) {
        return TestTokens.user("dv-" + member)
                .member(member)
                .grant(loop.cellPath, "member")
                .token();
    }

    private long total(String token) {
        Http.Answer answer = http.get("/api/v1/notices", token);
        return answer.status() == 200
                ? answer.body().path("page").path("totalElements").asLong()
                : -1;
    }

    private List<String> ids(Http.Answer answer) {
        return answer.body().path("content").findValuesAsString("id");
    }

    private long unread(String token) {
        Http.Answer answer = http.get("/api/v1/notices/unread-count", token);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().path("unread").asLong();
    }

    @Test
    void aMemberListsTheirNoticesNewestFirstAndMarksThemRead() {
        String anToken = token(an);
        Http.Answer inbox = http.get("/api/v1/notices", anToken);
        assertThat(inbox.status()).isEqualTo(200);
        JsonNode content = inbox.body().path("content");
        assertThat(content).hasSize(2);
        JsonNode absent = content.get(0);
        JsonNode scheduled = content.get(1);
        assertThat(absent.path("kind").asString()).isEqualTo("MEETING_ABSENT");
        assertThat(scheduled.path("kind").asString()).isEqualTo("MEETING_SCHEDULED");
        assertThat(Instant.parse(absent.path("createdAt").asString()))
                .isAfter(Instant.parse(scheduled.path("createdAt").asString()));
        assertThat(absent.path("createdAt").asString()).endsWith("Z");
        for (JsonNode n : content) {
            assertThat(n.path("meetingId").asString()).isEqualTo(meetingId.toString());
            assertThat(n.path("orgPath").asString()).isEqualTo(loop.cellPath);
            assertThat(n.path("readAt").isNull()).isTrue();
            assertThat(n.path("title").asString()).isNotBlank();
            assertThat(n.path("body").asString()).isNotBlank();
        }
        assertThat(inbox.body().path("page").path("totalElements").asLong()).isEqualTo(2);
        assertThat(inbox.body().path("page").path("size").asInt()).isEqualTo(20);
        assertThat(unread(anToken)).isEqualTo(2);

        Http.Answer secondPage = http.get("/api/v1/notices?page=1&size=1", anToken);
        assertThat(ids(secondPage)).containsExactly(scheduled.path("id").asString());
        assertThat(secondPage.body().path("page").path("totalPages").asInt()).isEqualTo(2);

        String scheduledId = scheduled.path("id").asString();
        Http.Answer read = http.post("/api/v1/notices/" + scheduledId + "/read", anToken, "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("id")).isEqualTo(scheduledId);
        assertThat(read.text("kind")).isEqualTo("MEETING_SCHEDULED");
        String readAt = read.text("readAt");
        assertThat(Instant.parse(readAt)).isNotNull();
        // Marking again changes nothing: same notice, same first read time.
        Http.Answer again = http.post("/api/v1/notices/" + scheduledId + "/read", anToken, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("readAt")).isEqualTo(readAt);

        assertThat(unread(anToken)).isEqualTo(1);
        assertThat(ids(http.get("/api/v1/notices?unread=true", anToken)))
                .containsExactly(absent.path("id").asString());
        assertThat(ids(http.get("/api/v1/notices?unread=false", anToken))).containsExactly(scheduledId);

        Http.Answer all = http.post("/api/v1/notices/read-all", anToken, "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("marked").asLong()).isEqualTo(1);
        assertThat(unread(anToken)).isZero();
        assertThat(http.post("/api/v1/notices/read-all", anToken, "")
                        .body()
                        .path("marked")
                        .asLong())
                .isZero();
        assertThat(ids(http.get("/api/v1/notices?unread=false", anToken))).hasSize(2);
        // Bình's own notice is untouched by An's read-all.
        assertThat(unread(token(binh))).isEqualTo(1);
    }

    @Test
    void nobodyElseCanSeeOrMarkAMembersNotice() {
        String anToken = token(an);
        String anNotice = ids(http.get("/api/v1/notices", anToken)).getFirst();

        // Another member of the same cell, even its secretary, sees only their own notices.
        String binhSecretary = TestTokens.user("bt")
                .member(binh)
                .grant(loop.cellPath, "secretary")
                .token();
        Http.Answer binhInbox = http.get("/api/v1/notices", binhSecretary);
        assertThat(binhInbox.body().path("content")).hasSize(1);
        assertThat(ids(binhInbox)).doesNotContain(anNotice);
        Http.Answer foreign = http.post("/api/v1/notices/" + anNotice + "/read", binhSecretary, "");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");

        // A member of another committee sees nothing of it.
        String outsider = TestTokens.user("dv-b")
                .member(UUID.randomUUID())
                .grant("/hy/b/", "superior")
                .token();
        assertThat(http.get("/api/v1/notices", outsider).body().path("content")).isEmpty();
        assertThat(unread(outsider)).isZero();
        assertThat(http.post("/api/v1/notices/" + anNotice + "/read", outsider, "")
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/notices/read-all", outsider, "")
                        .body()
                        .path("marked")
                        .asLong())
                .isZero();

        // None of that touched An's notices.
        assertThat(unread(anToken)).isEqualTo(2);
        assertThat(http.post("/api/v1/notices/" + UUID.randomUUID() + "/read", anToken, "")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTokenWithoutAMemberIdHasNoInbox() {
        String admin = TestTokens.admin();
        for (Http.Answer answer : List.of(
                http.get("/api/v1/notices", admin),
                http.get("/api/v1/notices/unread-count", admin),
                http.post("/api/v1/notices/read-all", admin, ""))) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("code")).isEqualTo("forbidden");
        }
    }

    @Test
    void noTokenIsUnauthorised() {
        for (Http.Answer answer : List.of(
                http.get("/api/v1/notices", null),
                http.get("/api/v1/notices/unread-count", null),
                http.post("/api/v1/notices/read-all", null, ""))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void badPagingIsABadRequest() {
        Http.Answer answer = http.get("/api/v1/notices?size=0", token(an));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/notices?unread=maybe", token(an)).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/notices/not-a-uuid/read", token(an), "").status())
                .isEqualTo(400);
    }
}
