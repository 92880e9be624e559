package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * A party card number (số thẻ đảng viên) belongs to one member only, on every path that writes one
 * (registration, identity correction, import), by the store's unique key: a refused write leaves
 * nothing behind, neither the member nor a hold on its card or citizen ID.
 */
@ServiceIntegrationTest
class PartyCardUniquenessIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    @LocalServerPort
    int port;

    Http http;
    String cell;
    String secretary;
    String tag;

    @BeforeEach
    void tree() {
        http = new Http(port);
        String admin = TestTokens.admin();
        tag = Long.toString(System.nanoTime() % 100_000_000L, 36);
        Http.Answer province = http.post("/api/v1/org-units", admin, unit("pc" + tag, "Tỉnh ủy", "PROVINCE", null));
        Http.Answer cb =
                http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", province.text("id")));
        assertThat(cb.status()).as(cb.body().toString()).isEqualTo(201);
        cell = cb.text("id");
        secretary = TestTokens.user("bt-" + tag)
                .grant(cb.text("orgPath"), "secretary")
                .token();
    }

    @Test
    void aSecondMemberWithTheSameCardIsA409NamingTheCardAndNothingIsHeldByARefusedWrite() {
        String cardX = "X" + tag;
        String cardY = "Y" + tag;
        Map<String, Object> a = member(cardX);
        String aId = created(http.post("/api/v1/members", secretary, a));

        Map<String, Object> b = member(cardX);
        Http.Answer refused = http.post("/api/v1/members", secretary, b);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("party-card-taken");
        assertThat(refused.body().path("fields").has("partyCardNumber")).isTrue();
        // The refused registration holds nothing: its citizen ID is free for the same person, with another card.
        b.put("partyCardNumber", cardY);
        String bId = created(http.post("/api/v1/members", secretary, b));

        // A registration refused for its citizen ID does not hold its card either.
        Map<String, Object> sameCitizen = member("Z" + tag);
        sameCitizen.put("citizenId", a.get("citizenId"));
        Http.Answer citizenTaken = http.post("/api/v1/members", secretary, sameCitizen);
        assertThat(citizenTaken.status()).isEqualTo(409);
        assertThat(citizenTaken.text("code")).isEqualTo("citizen-id-taken");
        assertThat(citizenTaken.body().path("fields").has("citizenId")).isTrue();
        created(http.post("/api/v1/members", secretary, member("Z" + tag)));

        // Two members without a card (blank is none) hold no key.
        created(http.post("/api/v1/members", secretary, member("  ")));
        created(http.post("/api/v1/members", secretary, member(null)));

        // An identity correction to a card another member holds: 409, the member unchanged.
        Http.Answer correction =
                http.post("/api/v1/members/" + bId + "/identity-corrections", secretary, corrected(b, cardX));
        assertThat(correction.status()).isEqualTo(409);
        assertThat(correction.text("code")).isEqualTo("party-card-taken");
        assertThat(correction.body().path("fields").has("partyCardNumber")).isTrue();
        assertThat(http.get("/api/v1/members/" + bId, secretary).text("partyCardNumber"))
                .isEqualTo(cardY);

        // Once the first member's card is corrected away, the card is free (its key went with it).
        Http.Answer cleared =
                http.post("/api/v1/members/" + aId + "/identity-corrections", secretary, corrected(a, null));
        assertThat(cleared.status()).as(cleared.body().toString()).isEqualTo(200);
        Http.Answer taken =
                http.post("/api/v1/members/" + bId + "/identity-corrections", secretary, corrected(b, cardX));
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        assertThat(http.get("/api/v1/members/" + bId, secretary).text("partyCardNumber"))
                .isEqualTo(cardX);
    }

    @Test
    void anImportRejectsARowWhoseCardIsHeldAndASecondRowWithTheSameCard() {
        String held = "H" + tag;
        created(http.post("/api/v1/members", secretary, member(held)));
        String fresh = "F" + tag;
        String file = "STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số thẻ đảng,Ngày vào Đảng\n"
                + "1,Nguyễn Văn An,15/01/1990,Nam," + menCitizenId() + "," + held + ",15/01/2015\n"
                + "2,Trần Văn Bình,15/01/1990,Nam," + menCitizenId() + "," + fresh + ",15/01/2015\n"
                + "3,Lê Văn Cường,15/01/1990,Nam," + menCitizenId() + "," + fresh + ",15/01/2015\n"
                + "4,Phạm Văn Dũng,15/01/1990,Nam," + menCitizenId() + ",,15/01/2015\n";
        RestClient raw =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        JsonNode started = JSON.readTree(raw.post()
                .uri("/api/v1/org-units/" + cell + "/member-imports?fileName=the")
                .header("Authorization", "Bearer " + secretary)
                .contentType(MediaType.parseMediaType("text/csv"))
                .body(file.getBytes(StandardCharsets.UTF_8))
                .retrieve()
                .body(String.class));
        String path = "/api/v1/org-units/" + cell + "/member-imports/"
                + started.path("id").asString();
        await().atMost(60, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String state = http.get(path, secretary).text("state");
                    return !state.equals("QUEUED") && !state.equals("RUNNING");
                });
        Http.Answer done = http.get(path, secretary);
        assertThat(done.text("state")).isEqualTo("FINISHED");
        assertThat(done.body().path("rowsAccepted").asLong()).isEqualTo(2);
        assertThat(done.body().path("rowsRejected").asLong()).isEqualTo(2);
        String report = raw.get()
                .uri(done.text("rejectionsUrl"))
                .header("Authorization", "Bearer " + secretary)
                .retrieve()
                .body(String.class);
        List<String> lines = report.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("2,Số thẻ đảng,").contains("đã thuộc về một đảng viên khác");
        assertThat(lines.get(2)).startsWith("4,Số thẻ đảng,").contains("trùng số thẻ đảng với dòng 3");
    }

    private Map<String, Object> member(String card) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Nguyễn Thị Thu Hà");
        body.put("gender", "FEMALE");
        body.put("dateOfBirth", "1992-05-20");
        // Hưng Yên (033), a woman born in the 1900s (1), in 1992.
        body.put("citizenId", String.format("033192%06d", SEQUENCE.incrementAndGet() % 1_000_000));
        if (card != null) {
            body.put("partyCardNumber", card);
        }
        body.put("cellId", cell);
        body.put("status", "FULL");
        body.put("joinedOn", "2015-03-02");
        return body;
    }

    private static String menCitizenId() {
        return String.format("001090%06d", 500_000 + SEQUENCE.incrementAndGet() % 500_000);
    }

    private static Map<String, Object> corrected(Map<String, Object> member, String card) {
        Map<String, Object> body = new LinkedHashMap<>(member);
        body.keySet().removeAll(List.of("cellId", "partyGroupId", "status", "joinedOn"));
        body.put("partyCardNumber", card);
        body.put("reason", "Cập nhật số thẻ đảng");
        return body;
    }

    private static String created(Http.Answer answer) {
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
