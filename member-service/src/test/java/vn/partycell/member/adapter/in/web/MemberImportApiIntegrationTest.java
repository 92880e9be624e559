package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.member.application.MemberImportService;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TopicProbe;

/**
 * Member import over real HTTP, the Mongo wire protocol and a real broker: upload, follow, report, re-run, cancel, scope. In the
 * shared context of the other integration tests (batches of 500), so that no second broker is started.
 */
@ServiceIntegrationTest
class MemberImportApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    Http http;
    RestClient raw;
    String committee;
    String cell;
    String cellPath;
    String committeePath;
    String otherCellPath;

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void tree() {
        http = new Http(port);
        raw = RestClient.builder().baseUrl("http://localhost:" + port).build();
        String admin = TestTokens.admin();
        String code = "i" + System.nanoTime() % 1_000_000;
        String province =
                created(http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy nhập thử", "PROVINCE", null)));
        Http.Answer c =
                http.post("/api/v1/org-units", admin, unit("dukcq", "Đảng ủy Khối cơ quan", "COMMITTEE", province));
        committee = created(c);
        committeePath = c.text("orgPath");
        Http.Answer cb = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committee));
        cell = created(cb);
        cellPath = cb.text("orgPath");
        Http.Answer other =
                http.post("/api/v1/org-units", admin, unit("cb-09", "Chi bộ thôn Đình Dù", "CELL", province));
        created(other);
        otherCellPath = other.text("orgPath");
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }

    private static String created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }

    /** A man born in 1990 registered in Hà Nội (001, century/gender 0, year 90). */
    private static String citizenId() {
        return String.format("001090%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    private Answer send(HttpMethod method, String path, String token, String contentType, byte[] body) {
        RestClient.RequestBodySpec request = raw.method(method).uri(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.parseMediaType(contentType)).body(body);
        }
        return request.exchange((req, res) -> new Answer(
                res.getStatusCode().value(),
                res.getHeaders().getContentType() == null
                        ? null
                        : res.getHeaders().getContentType().toString(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private Answer upload(String unitId, String token, String contentType, byte[] file) {
        return send(
                HttpMethod.POST,
                "/api/v1/org-units/" + unitId + "/member-imports?fileName=ds",
                token,
                contentType,
                file);
    }

    private JsonNode finished(String unitId, String importId, String token) {
        String path = "/api/v1/org-units/" + unitId + "/member-imports/" + importId;
        await().atMost(60, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Answer a = send(HttpMethod.GET, path, token, null, null);
                    String state = a.json().path("state").asString();
                    return !state.equals("QUEUED") && !state.equals("RUNNING");
                });
        return send(HttpMethod.GET, path, token, null, null).json();
    }

    private static byte[] csv(List<String> citizenIds) {
        StringBuilder file = new StringBuilder(
                "STT,HỌ VÀ TÊN,Ngày sinh,gioi tinh,So CCCD,Điện thoại,Ngày vào Đảng,Ngày chính thức\n");
        int n = 1;
        for (String id : citizenIds) {
            file.append(n++)
                    .append(",Nguyễn Văn An,15/01/1990,Nam,")
                    .append(id)
                    .append(",0912345678,15/01/2015,15/01/2016\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvIsImportedFollowedReportedAndARerunCreatesNothing() {
        String secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        List<String> ids = List.of(citizenId(), citizenId(), citizenId());
        byte[] file = csv(ids);
        String withBadRows = new String(file, StandardCharsets.UTF_8)
                + "4,Trần Thị Bình,31/02/1990,Nữ,001190000001,,15/01/2015,\n"
                + "5,Lê Văn Cường,15/01/1990,Nam,001090000002,,15/01/2015,15/03/2015\n";

        Answer accepted = upload(cell, secretary, "text/csv", withBadRows.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String importId = accepted.json().path("id").asString();
        JsonNode done = finished(cell, importId, secretary);

        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("FINISHED");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(5);
        assertThat(done.path("rowsAccepted").asLong()).isEqualTo(3);
        assertThat(done.path("rowsRejected").asLong()).isEqualTo(2);
        assertThat(done.path("startedAt").isNull()).isFalse();
        assertThat(done.path("finishedAt").isNull()).isFalse();

        Answer report = send(HttpMethod.GET, done.path("rejectionsUrl").asString(), secretary, null, null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        List<String> lines = report.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\uFEFFSố dòng,Cột,Lý do");
        assertThat(lines.get(1)).startsWith("5,Ngày sinh,").contains("dd/MM/yyyy");
        assertThat(lines.get(2)).startsWith("6,Ngày chính thức,").contains("chưa đủ thời gian dự bị");

        String memberId = MemberImportService.memberIdFor(ids.getFirst()).toString();
        Http.Answer member = http.get("/api/v1/members/" + memberId, secretary);
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.text("status")).isEqualTo("FULL");
        assertThat(member.body().path("history")).hasSize(2);
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.read(
                brokers,
                "members.member.v1",
                Duration.ofSeconds(20),
                r -> r.stream().filter(x -> memberId.equals(x.key())).count() >= 2);
        List<ConsumerRecord<String, byte[]>> mine =
                records.stream().filter(r -> memberId.equals(r.key())).toList();
        assertThat(mine)
                .extracting(r -> EventContractValidator.header(r, "ce_type"))
                .containsExactly("members.member.registered", "members.member.updated");
        mine.forEach(r -> assertThat(EventContractValidator.violations(r)).isEmpty());

        Answer again = upload(cell, secretary, "text/csv", file);
        JsonNode rerun = finished(cell, again.json().path("id").asString(), secretary);
        assertThat(rerun.path("rowsAccepted").asLong()).isZero();
        assertThat(rerun.path("rowsSkipped").asLong()).isEqualTo(3);
        assertThat(send(HttpMethod.GET, rerun.path("rejectionsUrl").asString(), secretary, null, null)
                        .body())
                .contains("đã có trong sổ");
        assertThat(http.get("/api/v1/org-units/" + cell + "/members", secretary)
                        .body()
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void anXlsxIntoACommitteeNamesEachRowsCell() throws IOException {
        String secretary =
                TestTokens.user("bt-k").grant(committeePath, "secretary").token();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String inCell = citizenId();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(20)) {
            Sheet sheet = workbook.createSheet();
            String[] header = {"Họ và tên", "Ngày sinh", "Giới tính", "CCCD", "Ngày vào Đảng", "Chi bộ"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Object[][] rows = {
                {"Nguyễn Văn An", "15/01/1990", "Nam", inCell, "15/01/2015", "Chi bo so tu phap"},
                {"Nguyễn Văn Bình", "15/01/1990", "Nam", citizenId(), "15/01/2015", "Chi bộ thôn Đình Dù"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue((String) rows[r][i]);
                }
            }
            workbook.write(bytes);
        }
        Answer accepted = upload(committee, secretary, MemberImportController.XLSX, bytes.toByteArray());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode done = finished(committee, accepted.json().path("id").asString(), secretary);

        assertThat(done.path("state").asString()).isEqualTo("FINISHED");
        assertThat(done.path("format").asString()).isEqualTo("XLSX");
        assertThat(done.path("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(done.path("rowsRejected").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/members/" + MemberImportService.memberIdFor(inCell), secretary)
                        .text("cellId"))
                .isEqualTo(cell);
        assertThat(send(HttpMethod.GET, done.path("rejectionsUrl").asString(), secretary, null, null)
                        .body())
                .contains("3,Chi bộ,\"không có chi bộ \"\"Chi bộ thôn Đình Dù\"\"");
    }

    @Test
    void aRunningImportIsCancelledAndKeepsWholeRows() {
        String secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(citizenId());
        }
        Answer accepted = upload(cell, secretary, "text/csv", csv(ids));
        String path = "/api/v1/org-units/" + cell + "/member-imports/"
                + accepted.json().path("id").asString();
        Answer cancel = send(HttpMethod.DELETE, path, secretary, null, null);
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().path("cancelRequested").asBoolean()).isTrue();

        JsonNode done = finished(cell, accepted.json().path("id").asString(), secretary);
        assertThat(done.path("state").asString()).isEqualTo("CANCELLED");
        assertThat(done.path("rowsRead").asLong())
                .isLessThan(20_000)
                .isEqualTo(done.path("rowsAccepted").asLong());
        assertThat(http.get("/api/v1/org-units/" + cell + "/members", secretary)
                        .body()
                        .path("page")
                        .path("totalElements")
                        .asLong())
                .isEqualTo(done.path("rowsAccepted").asLong());
    }

    @Test
    void everyImportEndpointIsNotFoundOutsideTheSubtreeAndForbiddenBelowSecretary() {
        String secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        String outsider =
                TestTokens.user("bt-x").grant(otherCellPath, "secretary").token();
        String member = TestTokens.user("dv").grant(cellPath, "member").token();
        String committeeMember =
                TestTokens.user("cu").grant(cellPath, "committee").token();
        byte[] file = csv(List.of(citizenId()));

        assertThat(upload(cell, outsider, "text/csv", file).status()).isEqualTo(404);
        assertThat(upload(cell, member, "text/csv", file).status()).isEqualTo(403);
        assertThat(upload(cell, committeeMember, "text/csv", file).status()).isEqualTo(403);

        Answer accepted = upload(cell, secretary, "text/csv", file);
        String importId = accepted.json().path("id").asString();
        finished(cell, importId, secretary);
        String path = "/api/v1/org-units/" + cell + "/member-imports/" + importId;
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
            assertThat(send(method, path, outsider, null, null).status()).isEqualTo(404);
            assertThat(send(method, path, member, null, null).status()).isEqualTo(403);
        }
        assertThat(send(HttpMethod.GET, path + "/rejections", outsider, null, null)
                        .status())
                .isEqualTo(404);
        Answer forbidden = send(HttpMethod.GET, path + "/rejections", member, null, null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        // A finished run is answered as it is.
        assertThat(send(HttpMethod.DELETE, path, secretary, null, null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("FINISHED");
    }

    @Test
    void aFileWithoutTheRequiredColumnsOrOfAnotherTypeIsA4xxAndNoRunStarts() {
        String secretary = TestTokens.user("bt").grant(cellPath, "secretary").token();
        Answer noColumns =
                upload(cell, secretary, "text/csv", "Họ và tên,Email\nA,a@b.vn\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.status()).as(noColumns.body()).isEqualTo(400);
        assertThat(noColumns.contentType()).startsWith("application/problem+json");
        assertThat(noColumns.body()).contains("\"file\"").contains("Số CCCD");

        Answer notXlsx = upload(cell, secretary, MemberImportController.XLSX, "abc".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(upload(cell, secretary, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(415);
        assertThat(LocalDate.now(VietnamTime.ZONE)).isNotNull();
    }
}
