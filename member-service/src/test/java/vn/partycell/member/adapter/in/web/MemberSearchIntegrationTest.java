package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.partycell.platform.test.Http;
import vn.partycell.platform.test.Http.Answer;
import vn.partycell.platform.test.ServiceIntegrationTest;
import vn.partycell.platform.test.TestTokens;

/**
 * Member search and export over real HTTP and the Mongo wire protocol: names without diacritics,
 * Vietnamese order, filters, scope (404 outside, 403 for the citizen ID below a secretary), personal
 * columns, CSV (BOM, quoting, formula injection) and XLSX read back with POI.
 */
@ServiceIntegrationTest
class MemberSearchIntegrationTest {

    @LocalServerPort
    int port;

    Http http;
    final String admin = TestTokens.admin();
    String provincePath;
    String cellA;
    String cellAPath;
    String cellB;
    String cellBPath;
    String secretaryA;
    String memberA;
    final Map<String, String> citizenIds = new LinkedHashMap<>();

    @BeforeEach
    void tree() {
        http = new Http(port);
        String code = "s" + System.nanoTime() % 1_000_000;
        Answer province = http.post("/api/v1/org-units", admin, unit(code, "Tỉnh ủy thử", "PROVINCE", null));
        provincePath = province.text("orgPath");
        String committee = created(
                http.post("/api/v1/org-units", admin, unit("a", "Đảng ủy Khối A", "COMMITTEE", created(province))));
        Answer a = http.post("/api/v1/org-units", admin, unit("cb-01", "Chi bộ Sở Tư pháp", "CELL", committee));
        cellA = created(a);
        cellAPath = a.text("orgPath");
        Answer b = http.post("/api/v1/org-units", admin, unit("cb-02", "Chi bộ Sở Y tế", "CELL", committee));
        cellB = created(b);
        cellBPath = b.text("orgPath");
        secretaryA = TestTokens.user("bt").grant(cellAPath, "secretary").token();
        memberA = TestTokens.user("dv").grant(cellAPath, "member").token();

        register(cellA, "Trần Văn Đức", "FULL", "DV-001", "Số 5, ngõ \"Hoa\"");
        register(cellA, "Nguyễn Văn An", "PROBATIONARY", "DV-002", "=HYPERLINK(\"http://x.invalid\")");
        register(cellA, "Lê Thị Ánh", "FULL", null, null);
        register(cellA, "Phạm Thị Dung", "FULL", null, "+84 Hưng Yên");
        register(cellB, "Nguyễn Văn Ân", "FULL", "DV-003", null);
    }

    private void register(String cellId, String fullName, String status, String card, String address) {
        String citizenId = String.format("033085%06d", (System.nanoTime() / 1000) % 1_000_000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("gender", "MALE");
        body.put("dateOfBirth", "1985-04-12");
        body.put("citizenId", citizenId);
        body.put("partyCardNumber", card == null ? null : card + "-" + provincePath.hashCode());
        body.put("phone", "0912345678");
        body.put("address", address);
        body.put("cellId", cellId);
        body.put("status", status);
        body.put("joinedOn", "2025-03-02");
        created(http.post("/api/v1/members", admin, body));
        citizenIds.put(fullName, citizenId);
    }

    private String card(String card) {
        return card + "-" + provincePath.hashCode();
    }

    /** As typed: the test client's URI template encodes it (a pre-encoded value would be encoded twice). */
    private static String q(String value) {
        return value;
    }

    private List<String> names(String query, String token) {
        Answer answer = http.get("/api/v1/members?" + query, token);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().path("content").findValuesAsString("fullName");
    }

    @Test
    void aNameWithoutDiacriticsInAnyCaseFindsTheMembersAndListsAreInVietnameseOrder() {
        String in = "&orgPath=" + provincePath;
        assertThat(names("q=" + q("NGUYEN van an") + in, admin)).containsExactly("Nguyễn Văn An", "Nguyễn Văn Ân");
        assertThat(names("q=" + q("nguyễn văn ân") + in, admin)).containsExactly("Nguyễn Văn An", "Nguyễn Văn Ân");
        assertThat(names("q=duc" + in, admin)).containsExactly("Trần Văn Đức");
        assertThat(names("q=" + q("đ") + in, admin)).containsExactly("Phạm Thị Dung", "Trần Văn Đức");
        // Given name first: An, Ánh, Ân, Dung, Đức (a < ă < â and d < đ in Vietnamese).
        assertThat(names(in.substring(1), admin))
                .containsExactly("Nguyễn Văn An", "Lê Thị Ánh", "Nguyễn Văn Ân", "Phạm Thị Dung", "Trần Văn Đức");

        Answer page = http.get("/api/v1/members?size=2&page=1" + in, admin);
        assertThat(page.body().path("content").findValuesAsString("fullName"))
                .containsExactly("Nguyễn Văn Ân", "Phạm Thị Dung");
        assertThat(page.body().path("page").path("totalElements").asLong()).isEqualTo(5);
        assertThat(page.body().path("page").path("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void filtersByCardNumberStatusCellAndSubtreeAndACallerSeesOnlyTheirSubtree() {
        String in = "&orgPath=" + provincePath;
        assertThat(names("cardNumber=" + card("DV-002") + in, admin)).containsExactly("Nguyễn Văn An");
        assertThat(names("status=PROBATIONARY" + in, admin)).containsExactly("Nguyễn Văn An");
        assertThat(names("cellId=" + cellB, admin)).containsExactly("Nguyễn Văn Ân");
        assertThat(names("orgPath=" + cellBPath, admin)).containsExactly("Nguyễn Văn Ân");
        // No filter: only the caller's own cell.
        assertThat(names("", memberA)).containsExactly("Nguyễn Văn An", "Lê Thị Ánh", "Phạm Thị Dung", "Trần Văn Đức");
        assertThat(names("cardNumber=" + card("DV-003"), memberA)).isEmpty();
    }

    @Test
    void theCitizenIdIsForASecretaryOrAboveAndPersonalFieldsAreHiddenFromOthers() {
        String an = citizenIds.get("Nguyễn Văn An");
        assertThat(names("citizenId=" + an, secretaryA)).containsExactly("Nguyễn Văn An");
        Answer weak = http.get("/api/v1/members?citizenId=" + an, memberA);
        assertThat(weak.status()).isEqualTo(403);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(names("citizenId=" + citizenIds.get("Nguyễn Văn Ân"), secretaryA))
                .isEmpty();

        Answer asSecretary = http.get("/api/v1/members?q=an", secretaryA);
        assertThat(asSecretary.body().path("content").get(0).path("citizenId").asString())
                .isEqualTo(an);
        Answer asMember = http.get("/api/v1/members?q=an", memberA);
        assertThat(asMember.body().path("content").get(0).path("personalShown").asBoolean())
                .isFalse();
        assertThat(asMember.body().path("content").get(0).path("citizenId").isNull())
                .isTrue();
        assertThat(asMember.body().path("content").get(0).path("phone").isNull())
                .isTrue();
    }

    @Test
    void aFilterOutsideTheCallersSubtreeIs404OnBothEndpointsAndACitizenIdBelowASecretaryIs403() {
        for (String path : List.of("/api/v1/members", "/api/v1/members/export")) {
            for (String outside : List.of(
                    "orgPath=" + cellBPath,
                    "orgPath=" + provincePath,
                    "cellId=" + cellB,
                    "cellId=" + UUID.randomUUID())) {
                Answer answer = http.get(path + "?" + outside, secretaryA);
                assertThat(answer.status()).as(path + "?" + outside).isEqualTo(404);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
            Answer weak = http.get(path + "?citizenId=" + citizenIds.get("Nguyễn Văn An"), memberA);
            assertThat(weak.status()).as(path).isEqualTo(403);
            Answer weakInPath = http.get(path + "?orgPath=" + cellAPath + "&citizenId=000000000000", memberA);
            assertThat(weakInPath.status()).as(path).isEqualTo(403);
            Answer bad = http.get(path + "?orgPath=" + q("/x y/") + "&citizenId=12", admin);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.body().path("errors").findValuesAsString("field")).contains("orgPath", "citizenId");
        }
        Answer format = http.get("/api/v1/members/export?format=pdf", admin);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.body().path("errors").findValuesAsString("field")).containsExactly("format");
    }

    @Test
    void theCsvExportIsUtf8WithABomQuotedDefusedAndHasPersonalColumnsOnlyForASecretary() throws Exception {
        HttpResponse<byte[]> response = download("/api/v1/members/export?format=csv", secretaryA);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", "danh-sach-dang-vien.csv"));
        byte[] bytes = response.body();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.getFirst()).startsWith("Họ và tên,Giới tính,Số thẻ đảng viên,Trạng thái,");
        assertThat(lines.getFirst()).contains("Số CCCD", "Địa chỉ");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("Nguyễn Văn An,Nam,").contains(",Dự bị,Không,02/03/2025,");
        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://x.invalid\"\")\",");
        assertThat(lines.get(1)).contains("," + citizenIds.get("Nguyễn Văn An") + ",");
        assertThat(lines.get(3)).startsWith("Phạm Thị Dung,").contains(",'+84 Hưng Yên,");
        assertThat(lines.get(4)).startsWith("Trần Văn Đức,").contains(",\"Số 5, ngõ \"\"Hoa\"\"\",");

        String asMember = new String(download("/api/v1/members/export", memberA).body(), StandardCharsets.UTF_8);
        assertThat(asMember.lines().findFirst().orElseThrow()).doesNotContain("CCCD", "Địa chỉ", "Điện thoại");
        assertThat(asMember).doesNotContain(citizenIds.get("Nguyễn Văn An"), "HYPERLINK");
    }

    @Test
    void theXlsxExportOpensWithPoiAndHasTheRowsInVietnameseOrder() throws Exception {
        HttpResponse<byte[]> response = download("/api/v1/members/export?format=xlsx&orgPath=" + provincePath, admin);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Danh sách đảng viên");
            DataFormatter format = new DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(format.formatCellValue(c)));
            assertThat(header).startsWith("Họ và tên", "Giới tính").contains("Ngày sinh", "Số CCCD");
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    names.add(format.formatCellValue(row.getCell(0)));
                }
            }
            assertThat(names)
                    .containsExactly("Nguyễn Văn An", "Lê Thị Ánh", "Nguyễn Văn Ân", "Phạm Thị Dung", "Trần Văn Đức");
            int joined = header.indexOf("Ngày vào Đảng");
            assertThat(format.formatCellValue(sheet.getRow(1).getCell(joined))).isEqualTo("02/03/2025");
            assertThat(sheet.getRow(1).getCell(header.indexOf("Địa chỉ")).getStringCellValue())
                    .startsWith("=HYPERLINK");
            assertThat(sheet.getRow(1).getCell(header.indexOf("Địa chỉ")).getCellType())
                    .hasToString("STRING");
        }
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static Map<String, Object> unit(String code, String name, String kind, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return body;
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("id");
    }
}
