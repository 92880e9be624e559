package vn.partycell.meeting.adapter.out.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.application.Minutes;
import vn.partycell.meeting.application.MinutesRenderer;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * The minutes as an A4 PDF in Vietnamese (Apache PDFBox), with DejaVu Serif embedded (subset) so
 * that every diacritic prints the same on any reader; times in Vietnam's time zone.
 */
@Component
class PdfMinutesRenderer implements MinutesRenderer {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(VietnamTime.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float TEXT = 11;

    private final byte[] regular = font("fonts/DejaVuSerif.ttf");
    private final byte[] bold = font("fonts/DejaVuSerif-Bold.ttf");

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public byte[] render(Minutes m) {
        try (PDDocument document = new PDDocument()) {
            PDFont plain = PDType0Font.load(document, new ByteArrayInputStream(regular));
            PDFont strong = PDType0Font.load(document, new ByteArrayInputStream(bold));
            describe(document, m);
            try (PdfSheet sheet = new PdfSheet(document)) {
                sheet.centred("ĐẢNG CỘNG SẢN VIỆT NAM", strong, TEXT);
                sheet.centred(m.cellName(), plain, TEXT);
                sheet.gap(10);
                sheet.centred(
                        "BIÊN BẢN " + kind(m.kind()).toUpperCase(java.util.Locale.forLanguageTag("vi")), strong, 15);
                sheet.centred(m.title(), strong, 12);
                if (m.topic() != null) {
                    sheet.centred("Chuyên đề: " + m.topic(), plain, TEXT);
                }
                sheet.gap(10);
                sheet.paragraph("Thời gian: " + AT.format(m.startsAt()), plain, TEXT);
                sheet.paragraph("Địa điểm: " + m.place(), plain, TEXT);

                heading(sheet, "I. Chương trình", strong);
                for (int i = 0; i < m.agenda().size(); i++) {
                    sheet.paragraph((i + 1) + ". " + m.agenda().get(i), plain, TEXT, 12);
                }

                heading(sheet, "II. Điểm danh", strong);
                sheet.paragraph(
                        "Đảng viên tính túc số: " + m.quorum().eligible() + "; có mặt: "
                                + m.quorum().present()
                                + "; cần có mặt: " + m.quorum().required() + " — "
                                + (m.quorum().met() ? "đủ túc số." : "không đủ túc số."),
                        plain,
                        TEXT);
                sheet.paragraph("Số đảng viên phát biểu: " + m.speakers() + ".", plain, TEXT);
                sheet.gap(4);
                float[] columns = {34, 200, sheet.width() - 34 - 200 - 70, 70};
                sheet.row(columns, List.of("STT", "Họ và tên", "Tình trạng", "Phát biểu"), strong, 10);
                for (int i = 0; i < m.attendance().size(); i++) {
                    Minutes.Line line = m.attendance().get(i);
                    sheet.row(
                            columns,
                            List.of(String.valueOf(i + 1), line.fullName(), status(line), line.spoke() ? "Có" : "—"),
                            plain,
                            10);
                }

                heading(sheet, "III. Tự phê bình, biểu dương và phê bình", strong);
                sheet.paragraph(selfCriticism(m.selfCriticism()), plain, TEXT);
                for (Minutes.Remark r : m.remarks()) {
                    sheet.paragraph(
                            "– " + (r.commendation() ? "Biểu dương " : "Phê bình ") + r.fullName() + ": " + r.reason(),
                            plain,
                            TEXT,
                            12);
                }

                heading(sheet, "IV. Nghị quyết và biểu quyết", strong);
                if (m.resolutions().isEmpty()) {
                    sheet.paragraph("Không có nghị quyết được biểu quyết.", plain, TEXT);
                }
                for (Minutes.ResolutionLine r : m.resolutions()) {
                    sheet.paragraph(
                            r.title() + ": tán thành " + r.votesFor() + ", không tán thành " + r.votesAgainst()
                                    + ", không biểu quyết " + r.abstentions() + " (cần " + r.required() + ") — "
                                    + (r.passed() ? "được thông qua." : "không được thông qua."),
                            plain,
                            TEXT);
                }

                heading(sheet, "V. Nhiệm vụ được giao", strong);
                if (m.tasks().isEmpty()) {
                    sheet.paragraph("Không có nhiệm vụ được giao.", plain, TEXT);
                } else {
                    float[] taskColumns = {34, 170, sheet.width() - 34 - 170 - 80, 80};
                    sheet.row(taskColumns, List.of("STT", "Người thực hiện", "Nhiệm vụ", "Hạn"), strong, 10);
                    for (int i = 0; i < m.tasks().size(); i++) {
                        Minutes.Task t = m.tasks().get(i);
                        sheet.row(
                                taskColumns,
                                List.of(String.valueOf(i + 1), t.ownerName(), t.title(), DAY.format(t.dueOn())),
                                plain,
                                10);
                    }
                }

                heading(sheet, "VI. Đánh giá của cấp ủy cấp trên", strong);
                sheet.paragraph(grade(m.grade()), plain, TEXT);

                heading(sheet, "VII. Đính chính biên bản", strong);
                if (m.amendments().isEmpty()) {
                    sheet.paragraph("Không có đính chính.", plain, TEXT);
                }
                for (Minutes.Correction c : m.amendments()) {
                    sheet.paragraph(
                            "Đính chính duyệt lúc " + AT.format(c.decidedAt()) + " bởi " + c.decidedBy() + ". Lý do: "
                                    + c.reason(),
                            plain,
                            TEXT);
                    for (String change : c.changes()) {
                        sheet.paragraph("– " + change, plain, TEXT, 12);
                    }
                }

                sheet.gap(12);
                // A meeting entered afterwards was closed when it was entered, not when it ended: say so.
                sheet.paragraph(
                        m.recorded() == null
                                ? "Buổi sinh hoạt kết thúc lúc " + AT.format(m.closedAt()) + "; người kết thúc: "
                                        + m.closedBy() + "."
                                : "Biên bản được ghi nhận sau từ biên bản giấy: nhập lúc "
                                        + AT.format(m.recorded().at()) + " ("
                                        + m.recorded().by()
                                        + "), hoàn tất lúc " + AT.format(m.closedAt()) + " (" + m.closedBy() + ").",
                        plain,
                        TEXT);
                sheet.paragraph("In lúc " + AT.format(m.printedAt()) + " từ hồ sơ của chi bộ.", plain, 9);
                sheet.gap(16);
                sheet.row(
                        new float[] {sheet.width() / 2, sheet.width() / 2}, List.of("CHỦ TRÌ", "THƯ KÝ"), strong, TEXT);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Printing the minutes failed", e);
        }
    }

    private static void heading(PdfSheet sheet, String text, PDFont font) throws IOException {
        sheet.gap(8);
        sheet.paragraph(text, font, 12);
    }

    private static void describe(PDDocument document, Minutes m) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(
                "Biên bản " + kind(m.kind()).toLowerCase(java.util.Locale.forLanguageTag("vi")) + " — " + m.title());
        info.setSubject(m.cellName());
        info.setCreator("PartyCell meeting-service");
        info.setCreationDate(calendar(m.printedAt()));
        document.getDocumentCatalog().setLanguage("vi");
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(java.util.TimeZone.getTimeZone(VietnamTime.ZONE));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    static String kind(MeetingKind kind) {
        return switch (kind) {
            case REGULAR -> "Sinh hoạt chi bộ thường kỳ";
            case THEMATIC -> "Sinh hoạt chuyên đề";
            case CONGRESS -> "Đại hội chi bộ";
            case EXTRAORDINARY -> "Sinh hoạt chi bộ bất thường";
        };
    }

    private static String status(Minutes.Line line) {
        return switch (line.status()) {
            case PRESENT -> "Có mặt";
            case LATE -> "Đến muộn";
            case EXCUSED -> "Vắng có lý do" + (line.reason() == null ? "" : ": " + line.reason());
            case ABSENT -> "Vắng không lý do";
        };
    }

    private static String selfCriticism(Minutes.SelfCriticism s) {
        if (s == null) {
            return "Không có đảng viên được chọn tự phê bình trong tháng.";
        }
        String who = "Đảng viên tự phê bình: " + s.fullName() + ". ";
        if (s.done() == null) {
            return who + "Chưa ghi kết quả.";
        }
        String outcome = s.done()
                ? "Đã tự phê bình."
                : "Chưa tự phê bình" + (s.reason() == null ? "." : ": " + s.reason() + ".");
        return who + outcome + (s.note() == null ? "" : " Ghi chú: " + s.note());
    }

    private static String grade(Minutes.Grade g) {
        if (g == null) {
            return "Cấp trên chưa đánh giá buổi sinh hoạt này.";
        }
        return "Xếp loại: " + g.label() + ", do " + g.gradedBy() + " đánh giá lúc " + AT.format(g.gradedAt()) + "."
                + (g.comment() == null ? "" : " Nhận xét: " + g.comment())
                + (g.correctionReason() == null ? "" : " (Đã đính chính: " + g.correctionReason() + ")");
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfMinutesRenderer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
