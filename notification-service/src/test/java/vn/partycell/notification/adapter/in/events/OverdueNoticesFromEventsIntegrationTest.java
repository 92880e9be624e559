package vn.partycell.notification.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TestTokens;

/**
 * Rule 3.6's notice over a real broker: the secretaries come from member-service's role events, and
 * meeting-service's meetings.cell.meeting-overdue reaches the cell's secretary and the secretary of
 * the committee above it once each, however often it is delivered; a former secretary gets nothing.
 */
@ServiceIntegrationTest
class OverdueNoticesFromEventsIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    TestEvents events;
    Http http;
    final UUID committee = UUID.randomUUID();
    final UUID cell = UUID.randomUUID();
    final UUID former = UUID.randomUUID();
    final UUID secretary = UUID.randomUUID();
    final UUID superior = UUID.randomUUID();
    final String committeePath = "/hy-" + cell.toString().substring(0, 6) + "/";
    final String cellPath = committeePath + "cb-a/";

    @BeforeEach
    void setUp() {
        events = new TestEvents(brokers);
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    private void role(String type, UUID unit, String kind, String path, UUID member, UUID assignment, long version) {
        String until = type.endsWith("ended") ? ",\"until\":\"2026-06-30\",\"reason\":\"Chuyển công tác\"" : "";
        events.send("members.org-unit.v1", type, unit.toString(), path, """
                {"orgUnitId":"%s","kind":"%s","orgPath":"%s","assignmentId":"%s","memberId":"%s",
                 "role":"SECRETARY","from":"2025-01-01","termId":null%s,"version":%d}""".formatted(
                        unit, kind, path, assignment, member, until, version));
    }

    private void overdue() {
        events.send("meetings.cell.v1", "meetings.cell.meeting-overdue", cell.toString(), cellPath, """
                {"cellId":"%s","parentId":"%s","code":"cb-a","name":"Chi bộ thôn An","orgPath":"%s",
                 "meetingKind":"REGULAR","period":"2026-11","periodStart":"2026-11-01","periodEnd":"2026-11-30",
                 "detectedOn":"2026-12-01","version":1}""".formatted(
                        cell, committee, cellPath));
    }

    private List<JsonNode> notices(UUID member, String path) {
        String token = TestTokens.user("u-" + member)
                .member(member)
                .grant(path, "member")
                .token();
        Http.Answer answer = http.get("/api/v1/notices?size=200", token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body()
                .path("content")
                .valueStream()
                .filter(n -> n.path("kind").asString().equals("CELL_MEETING_OVERDUE"))
                .toList();
    }

    @Test
    void theCellsSecretaryAndTheSuperiorAreToldOnce() {
        UUID first = UUID.randomUUID();
        role("members.org-unit.role-assigned", cell, "CELL", cellPath, former, first, 2);
        role("members.org-unit.role-ended", cell, "CELL", cellPath, former, first, 3);
        role("members.org-unit.role-assigned", cell, "CELL", cellPath, secretary, UUID.randomUUID(), 4);
        role("members.org-unit.role-assigned", committee, "COMMITTEE", committeePath, superior, UUID.randomUUID(), 2);
        // The roles travel on another topic than the finding: in production they are known long before.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(mongo.exists(
                            Query.query(Criteria.where("_id")
                                    .is(cell.toString())
                                    .and("memberId")
                                    .is(secretary.toString())),
                            "secretaries"))
                    .isTrue();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(committee.toString())), "secretaries"))
                    .isTrue();
        });
        overdue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(notices(secretary, cellPath)).hasSize(1);
            assertThat(notices(superior, committeePath)).hasSize(1);
        });
        JsonNode notice = notices(secretary, cellPath).getFirst();
        assertThat(notice.path("title").asString())
                .isEqualTo("Chi bộ thôn An chưa tổ chức sinh hoạt thường kỳ kỳ 2026-11");
        assertThat(notice.path("body").asString()).contains("01/11/2026").contains("30/11/2026");

        // Delivered again (a republication), then a new fact behind it on the same key: once that one is
        // in, the redelivery was consumed, and nobody was told twice; the former secretary never.
        overdue();
        events.send("meetings.cell.v1", "meetings.cell.meeting-overdue", cell.toString(), cellPath, """
                {"cellId":"%s","parentId":"%s","code":"cb-a","name":"Chi bộ thôn An","orgPath":"%s",
                 "meetingKind":"THEMATIC","period":"2026-Q3","periodStart":"2026-07-01","periodEnd":"2026-09-30",
                 "detectedOn":"2026-12-01","version":1}""".formatted(
                        cell, committee, cellPath));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(notices(secretary, cellPath)).hasSize(2));
        assertThat(notices(secretary, cellPath))
                .extracting(n -> n.path("title").asString())
                .containsExactlyInAnyOrder(
                        "Chi bộ thôn An chưa tổ chức sinh hoạt thường kỳ kỳ 2026-11",
                        "Chi bộ thôn An chưa tổ chức sinh hoạt chuyên đề kỳ 2026-Q3");
        assertThat(notices(superior, committeePath)).hasSize(2);
        assertThat(notices(former, cellPath)).isEmpty();
    }
}
