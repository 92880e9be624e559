package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.member.application.PlannedEnds;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * The planned-ends job finds its members by their hints ({@code member_planned_ends}), one per member
 * with an end planned, not by a query over every member (a scan of the province on the local store):
 * a hint is written with the write that plans the end, gone with the write that applies it, and a
 * hint a refused write or a crash left behind is mended by the job.
 */
@ServiceIntegrationTest
class PlannedEndHintsIntegrationTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;

    @Autowired
    PlannedEnds plannedEnds;

    @Autowired
    MongoTemplate mongo;

    Http http;
    String admin = TestTokens.admin();
    String cellA;
    String cellB;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "pe" + System.nanoTime() % 1_000_000;
        String province = http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null))
                .text("id");
        cellA = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ A", "CELL", province))
                .text("id");
        cellB = http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ B", "CELL", province))
                .text("id");
    }

    @Test
    void theJobReadsTheHintsOnlyAndEachHintFollowsItsMember() {
        // Past the one build of the hints from an older release's members (at the first run).
        plannedEnds.applyDue(LocalDate.of(1950, 1, 1));
        String yesterday = TODAY.minusDays(1).toString();
        String an = attached(yesterday);
        String binh = attached(yesterday);
        assertThat(hint(an)).isNotNull();
        assertThat(hint(an).getString("on")).isEqualTo(yesterday);
        // Binh's hint is lost: the job does not look through the members for her.
        mongo.getCollection(MongoMemberRepository.PLANNED_ENDS).deleteOne(Filters.eq("_id", binh));
        // A hint left by a write that never happened names a member with nothing planned.
        String cuong = register("Lê Văn Cường");
        mongo.getCollection(MongoMemberRepository.PLANNED_ENDS)
                .insertOne(new Document("_id", cuong).append("on", yesterday).append("version", 0L));

        assertThat(plannedEnds.applyDue(TODAY)).isGreaterThanOrEqualTo(1);

        assertThat(http.get("/api/v1/members/" + an, admin).text("meetingCellId"))
                .isEqualTo(cellA);
        assertThat(hint(an)).as("gone with the write that applied the end").isNull();
        assertThat(memberDocument(an).containsKey("plannedEndOn"))
                .as("the member's own field is cleared too, not left at the old day")
                .isFalse();
        assertThat(http.get("/api/v1/members/" + binh, admin).text("meetingCellId"))
                .as("no hint, not found")
                .isEqualTo(cellB);
        assertThat(hint(cuong)).as("a stale hint is dropped").isNull();
    }

    private String attached(String until) {
        String id = register("Nguyễn Văn An");
        Http.Answer attached = http.post(
                "/api/v1/members/" + id + "/attachments",
                admin,
                Map.of(
                        "hostCellId",
                        cellB,
                        "from",
                        TODAY.minusDays(10).toString(),
                        "until",
                        until,
                        "reason",
                        "Đi học"));
        assertThat(attached.status()).as(attached.body().toString()).isEqualTo(200);
        return id;
    }

    private Document hint(String memberId) {
        return mongo.getCollection(MongoMemberRepository.PLANNED_ENDS)
                .find(Filters.eq("_id", memberId))
                .first();
    }

    private Document memberDocument(String memberId) {
        return mongo.getCollection(MongoMemberRepository.COLLECTION)
                .find(Filters.eq("_id", memberId))
                .first();
    }

    private String register(String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("gender", "MALE");
        body.put("dateOfBirth", "1976-04-12");
        body.put("citizenId", String.format("033076%06d", SEQUENCE.incrementAndGet() % 1_000_000));
        body.put("cellId", cellA);
        body.put("status", "FULL");
        body.put("joinedOn", "2010-05-19");
        Http.Answer answer = http.post("/api/v1/members", admin, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }
}
