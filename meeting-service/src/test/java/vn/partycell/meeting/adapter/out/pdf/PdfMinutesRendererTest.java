package vn.partycell.meeting.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.application.Minutes;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.meeting.domain.RecordedAfterwards;

/** Renders minutes and reads the PDF's text back, as a reader or a text extractor would. */
class PdfMinutesRendererTest {

    private final PdfMinutesRenderer renderer = new PdfMinutesRenderer();

    private static Minutes minutes(List<Minutes.Line> lines) {
        return new Minutes(
                "Chi bộ thôn Đình Dù",
                MeetingKind.THEMATIC,
                "Sinh hoạt chuyên đề quý IV/2026",
                "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                Instant.parse("2026-12-05T12:30:00Z"),
                "Nhà văn hóa thôn Đình Dù",
                List.of("Quán triệt chuyên đề", "Thảo luận, liên hệ bản thân"),
                lines,
                new Quorum(4, 3, 3),
                Instant.parse("2026-12-05T14:45:00Z"),
                "bi-thu-cb01",
                new Minutes.SelfCriticism("Trần Thị Hồng Nhung", true, null, "Nghiêm túc, cầu thị"),
                new Minutes.Grade("Tốt", "Chuẩn bị chu đáo", "tinh-uy", Instant.parse("2026-12-06T02:00:00Z"), null),
                List.of(new Minutes.Correction(
                        Instant.parse("2026-12-07T03:00:00Z"),
                        "pho-bi-thu",
                        "Ghi nhầm điểm danh",
                        List.of("Lê Văn Đức: vắng không lý do → vắng có lý do (ốm)"))),
                Instant.parse("2026-12-08T01:00:00Z"),
                (int) lines.stream().filter(Minutes.Line::spoke).count(),
                List.of(
                        new Minutes.Remark(true, "Nguyễn Văn An", "Vận động được 5 hộ"),
                        new Minutes.Remark(false, "Phạm Quốc Hưng", "Chưa nộp báo cáo")),
                List.of(new Minutes.ResolutionLine("Nghị quyết chuyên đề quý IV", 3, 0, 0, 3, true)),
                List.of(new Minutes.Task(
                        "Trần Thị Hồng Nhung", "Tuyên truyền nghị quyết tới các hộ", LocalDate.of(2027, 1, 5))),
                null);
    }

    private static List<Minutes.Line> fourMembers() {
        return List.of(
                new Minutes.Line("Nguyễn Văn An", AttendanceStatus.PRESENT, null, true),
                new Minutes.Line("Trần Thị Hồng Nhung", AttendanceStatus.LATE, null, true),
                new Minutes.Line("Phạm Quốc Hưng", AttendanceStatus.PRESENT, null, false),
                new Minutes.Line("Lê Văn Đức", AttendanceStatus.EXCUSED, "ốm, đã báo trước", false));
    }

    @Test
    void theMinutesReadBackInVietnameseWithEveryFact() throws IOException {
        String text = text(renderer.render(minutes(fourMembers())));

        assertThat(text)
                .contains("ĐẢNG CỘNG SẢN VIỆT NAM")
                .contains("Chi bộ thôn Đình Dù")
                .contains("BIÊN BẢN SINH HOẠT CHUYÊN ĐỀ")
                .contains("Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
                .contains("Thời gian: 19:30 ngày 05/12/2026")
                .contains("1. Quán triệt chuyên đề")
                .contains("Đảng viên tính túc số: 4; có mặt: 3; cần có mặt: 3 — đủ túc số.")
                .contains("Số đảng viên phát biểu: 2.")
                .contains("Nguyễn Văn An")
                .contains("Vắng có lý do: ốm, đã báo trước")
                .contains("Đảng viên tự phê bình: Trần Thị Hồng Nhung. Đã tự phê bình.")
                .contains("Xếp loại: Tốt, do tinh-uy đánh giá lúc 09:00 ngày 06/12/2026.")
                .contains("– Biểu dương Nguyễn Văn An: Vận động được 5 hộ")
                .contains("– Phê bình Phạm Quốc Hưng: Chưa nộp báo cáo")
                .contains("Nghị quyết chuyên đề quý IV: tán thành 3, không tán thành 0, không biểu quyết 0")
                .contains("(cần 3) — được thông qua.")
                .contains("Tuyên truyền nghị quyết tới các hộ")
                .contains("05/01/2027")
                .contains("Lê Văn Đức: vắng không lý do → vắng có lý do (ốm)")
                .contains("Buổi sinh hoạt kết thúc lúc 21:45 ngày 05/12/2026");
    }

    @Test
    void minutesEnteredAfterTheMeetingSayWhoEnteredThemAndWhen() throws IOException {
        Minutes live = minutes(fourMembers());
        Minutes entered = new Minutes(
                live.cellName(),
                live.kind(),
                live.title(),
                live.topic(),
                live.startsAt(),
                live.place(),
                live.agenda(),
                live.attendance(),
                live.quorum(),
                Instant.parse("2027-02-01T03:20:00Z"),
                "tinh-uy",
                live.selfCriticism(),
                live.grade(),
                live.amendments(),
                live.printedAt(),
                live.speakers(),
                live.remarks(),
                live.resolutions(),
                live.tasks(),
                new RecordedAfterwards("tinh-uy", Instant.parse("2027-02-01T03:00:00Z")));

        // The line is long enough to wrap: read it as one.
        String text = text(renderer.render(entered)).replaceAll("\\s+", " ");

        assertThat(text)
                .contains("Thời gian: 19:30 ngày 05/12/2026")
                .contains("Biên bản được ghi nhận sau từ biên bản giấy: nhập lúc 10:00 ngày 01/02/2027 (tinh-uy),"
                        + " hoàn tất lúc 10:20 ngày 01/02/2027 (tinh-uy).")
                .doesNotContain("Buổi sinh hoạt kết thúc lúc");
    }

    @Test
    void theFontsAreEmbeddedSoDiacriticsPrintTheSameEverywhere() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(minutes(fourMembers())))) {
            PDPage page = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(font ->
                            assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("vi");
            assertThat(pdf.getDocumentInformation().getTitle()).contains("Biên bản sinh hoạt chuyên đề");
        }
    }

    @Test
    void aLongRosterFlowsOverPagesAndNoInputBreaksPrinting() throws IOException {
        List<Minutes.Line> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(new Minutes.Line("Đảng viên số " + i, AttendanceStatus.PRESENT, null, i % 3 == 0));
        }
        // Characters the font lacks, control characters and one unbroken 300-letter word.
        many.add(new Minutes.Line("Tên có 🙂 và 漢字\tvà\nxuống dòng", AttendanceStatus.ABSENT, null, false));
        many.add(new Minutes.Line("x".repeat(300), AttendanceStatus.EXCUSED, "y".repeat(500), false));

        byte[] pdf = renderer.render(minutes(many));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
        }
        String text = text(pdf);
        assertThat(text).contains("Đảng viên số 120").contains("Tên có ? và ?? và xuống dòng");
        assertThat(text).contains("Số đảng viên phát biểu: 40.");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[ \\t]*\\R", "\n");
        }
    }
}
