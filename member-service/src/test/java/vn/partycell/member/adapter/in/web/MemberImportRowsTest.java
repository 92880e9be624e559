package vn.partycell.member.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.partycell.member.application.ImportRow;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.domain.Gender;
import vn.partycell.platform.kernel.InvalidInputException;

/** The import file reader: Vietnamese headers in any spelling, dd/MM/yyyy, bad cells, CSV and XLSX. */
class MemberImportRowsTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @TempDir
    Path dir;

    private static List<ImportRow> all(MemberImportRows rows) {
        List<ImportRow> out = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    private static MemberImportRows csv(String text) {
        return MemberImportRows.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), VALIDATOR);
    }

    @Test
    void headersAreMatchedWithOrWithoutDiacriticsInAnyCase() {
        String withMarks = "STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số thẻ đảng,Điện thoại,Email,Địa chỉ,"
                + "Nơi cư trú,Ngày vào Đảng,Ngày chính thức,Chi bộ\n"
                + "1,Nguyễn Thị Thu Hà,12/04/1985,Nữ,033185000123,79.012345,0912 345 678,ha@example.vn,"
                + "\"Văn Lâm, Hưng Yên\",Thôn Đình Dù,02/03/2010,02/03/2011,cb-01\n";
        String without = "stt;HO VA TEN;ngay sinh;gioi tinh;cccd;so the dang;dien thoai;email;dia chi;noi cu tru;"
                + "ngay vao dang;ngay chinh thuc;chi bo\n"
                + "1;Nguyễn Thị Thu Hà;12/4/1985;nu;033185000123;79.012345;0912.345.678;ha@example.vn;"
                + "Văn Lâm, Hưng Yên;Thôn Đình Dù;2/3/2010;2/3/2011;cb-01\n";
        for (String file : List.of(withMarks, "\uFEFF" + without)) {
            List<ImportRow> rows = all(csv(file));
            assertThat(rows).hasSize(1);
            ImportRow row = rows.getFirst();
            assertThat(row.problems()).as(file).isEmpty();
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.person().fullName()).isEqualTo("Nguyễn Thị Thu Hà");
            assertThat(row.person().dateOfBirth()).isEqualTo(LocalDate.of(1985, 4, 12));
            assertThat(row.person().gender()).isEqualTo(Gender.FEMALE);
            assertThat(row.person().citizenId()).isEqualTo("033185000123");
            assertThat(row.person().partyCardNumber()).isEqualTo("79.012345");
            assertThat(row.person().phone()).isEqualTo("0912345678");
            assertThat(row.person().address()).isEqualTo("Văn Lâm, Hưng Yên");
            assertThat(row.person().residence().place()).isEqualTo("Thôn Đình Dù");
            assertThat(row.joinedOn()).isEqualTo(LocalDate.of(2010, 3, 2));
            assertThat(row.recognisedOn()).isEqualTo(LocalDate.of(2011, 3, 2));
            assertThat(row.cellReference()).isEqualTo("cb-01");
        }
    }

    @Test
    void badCellsAreTheRowsProblemsByFieldWithTheRequestsOwnRules() {
        String file = "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Email,Ngày vào Đảng\n"
                + ",31/02/1985,X,033185000123,khong-phai-email,02/03/2010\n"
                + "Trần Văn Bình,1985-04-12,Nam,12345,,02/03/2010\n"
                + "Lê Văn Cường,12/04/1985,Nam,033185000124,,02/03/2010\n"
                + ",,,,,\n"
                + "Phạm Thị Dung,12/04/1985,Nữ,033185000125,,02/03/2999\n";
        List<ImportRow> rows = all(csv(file));

        assertThat(rows).extracting(ImportRow::number).containsExactly(2L, 3L, 4L, 6L);
        assertThat(rows.get(0).problems()).containsOnlyKeys("fullName", "dateOfBirth", "gender", "email");
        assertThat(rows.get(0).problems().get("dateOfBirth"))
                .contains("dd/MM/yyyy")
                .contains("31/02/1985");
        assertThat(rows.get(0).problems().get("gender")).isEqualTo("phải là Nam hoặc Nữ, không phải \"X\"");
        assertThat(rows.get(1).problems()).containsOnlyKeys("dateOfBirth", "citizenId");
        // A man born in 1985 has century/gender digit 0: the citizen-ID rules of a registration.
        assertThat(rows.get(2).problems()).containsOnlyKeys("citizenId");
        assertThat(rows.get(2).problems().get("citizenId")).contains("chữ số thứ 4");
        assertThat(rows.get(3).problems()).containsOnlyKeys("joinedOn");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> csv("Họ và tên,Ngày sinh,Email\nA,01/01/1980,a@b.vn\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Giới tính")
                .hasMessageContaining("Số CCCD")
                .hasMessageContaining("Ngày vào Đảng");
        assertThatThrownBy(() -> csv("")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void xlsxRowsAreReadAsAStreamWithDateCellsAndNumbersThatLostTheirLeadingZeros() throws IOException {
        Path file = dir.resolve("ds.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(50);
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Đảng viên");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            String[] names = {"Họ và tên", "NGÀY SINH", "giới tính", "Số CCCD", "Điện thoại", "Ngày vào Đảng"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            for (int r = 1; r <= 300; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Nguyễn Văn An " + r);
                row.createCell(1).setCellValue(LocalDate.of(1990, 1, 15));
                row.getCell(1).setCellStyle(date);
                row.createCell(2).setCellValue("Nam");
                // 001 090 000r stored as a number: 1090000000 + r.
                row.createCell(3).setCellValue(1_090_000_000d + r);
                row.createCell(4).setCellValue(912_345_678d);
                row.createCell(5).setCellValue("15/01/2015");
            }
            workbook.write(out);
        }
        List<ImportRow> rows =
                all(MemberImportRows.open(file, ImportFormat.XLSX, VALIDATOR).skip(100));

        assertThat(rows).hasSize(200);
        ImportRow first = rows.getFirst();
        assertThat(first.problems()).isEmpty();
        assertThat(first.number()).isEqualTo(102);
        assertThat(first.person().fullName()).isEqualTo("Nguyễn Văn An 101");
        assertThat(first.person().dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 15));
        assertThat(first.person().citizenId()).isEqualTo("001090000101");
        assertThat(first.person().phone()).isEqualTo("0912345678");
        assertThat(first.joinedOn()).isEqualTo(LocalDate.of(2015, 1, 15));
    }

    @Test
    void aFileThatIsNotASpreadsheetIsRefused() throws IOException {
        Path file = dir.resolve("not.xlsx");
        Files.writeString(file, "Họ và tên,Ngày sinh\n");
        assertThatThrownBy(() -> MemberImportRows.open(file, ImportFormat.XLSX, VALIDATOR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("XLSX");
    }
}
