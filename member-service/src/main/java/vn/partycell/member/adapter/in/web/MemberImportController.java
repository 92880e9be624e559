package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.MemberImport;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportService;
import vn.partycell.member.application.MemberImportState;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.security.Caller;

/**
 * Bulk import of members over HTTP: the file is the raw request body ({@code text/csv} or the XLSX
 * type), streamed to disk (this route alone has a larger body limit, {@code partycell.web.upload-routes}
 * in application.yml); the run is followed, cancelled and its rejections downloaded as CSV.
 */
@RestController
@Validated
@Tag(name = "Nhập đảng viên", description = "Nhập danh sách đảng viên từ tệp CSV hoặc XLSX")
public class MemberImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PATH = "/api/v1/org-units/{unitId}/member-imports";

    private final MemberImportService imports;

    public MemberImportController(MemberImportService imports) {
        this.imports = imports;
    }

    /** A run as the API shows it. */
    public record MemberImportResponse(
            UUID id,
            UUID unitId,
            String fileName,
            ImportFormat format,
            String fileSha256,
            long fileBytes,
            String requestedBy,
            MemberImportState state,
            long rowsRead,
            long rowsAccepted,
            long rowsRejected,
            long rowsSkipped,
            boolean cancelRequested,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            String failure,
            String rejectionsUrl) {

        static MemberImportResponse of(MemberImport j) {
            return new MemberImportResponse(
                    j.id().value(),
                    j.unitId().value(),
                    j.fileName(),
                    j.format(),
                    j.fileSha256(),
                    j.fileBytes(),
                    j.requestedBy(),
                    j.state(),
                    j.rowsRead(),
                    j.rowsAccepted(),
                    j.rowsRejected(),
                    j.rowsSkipped(),
                    j.cancelRequested(),
                    j.createdAt(),
                    j.startedAt(),
                    j.finishedAt(),
                    j.failure(),
                    "/api/v1/org-units/" + j.unitId() + "/member-imports/" + j.id() + "/rejections");
        }
    }

    @PostMapping(
            path = PATH,
            consumes = {"text/csv", XLSX})
    @Operation(
            summary = "Nhập danh sách đảng viên từ tệp CSV hoặc XLSX",
            description = "Thân yêu cầu là chính tệp (Content-Type text/csv hoặc XLSX). Dòng đầu là tiêu đề cột "
                    + "tiếng Việt, có hoặc không dấu (Họ và tên, Ngày sinh, Giới tính, Số CCCD, Ngày vào Đảng bắt "
                    + "buộc; Số thẻ đảng, Điện thoại, Email, Địa chỉ, Nơi cư trú, Tổ chức đảng nơi cư trú, Ngày chính "
                    + "thức, Chi bộ tùy chọn); ngày dạng dd/MM/yyyy. Cột Chi bộ ghi id, mã hoặc tên (duy nhất trong "
                    + "phạm vi) của một chi bộ thuộc tổ chức; bỏ trống khi nhập thẳng vào một chi bộ. Cần quyền "
                    + "secretary trở lên trên tổ chức. Trả 202 với lượt nhập; theo dõi bằng GET.")
    public ResponseEntity<MemberImportResponse> start(
            Caller caller,
            @PathVariable UUID unitId,
            @Parameter(description = "Tên tệp, để hiển thị") @RequestParam(required = false) @Size(max = 200)
                    String fileName,
            HttpServletRequest request)
            throws IOException {
        ImportFormat format =
                request.getContentType().toLowerCase().startsWith("text/csv") ? ImportFormat.CSV : ImportFormat.XLSX;
        MemberImport job = imports.start(caller, OrgUnitId.of(unitId), format, fileName, request.getInputStream());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/org-units/" + unitId + "/member-imports/" + job.id()))
                .body(MemberImportResponse.of(job));
    }

    @GetMapping(PATH + "/{importId}")
    @Operation(summary = "Tiến độ một lượt nhập", description = "Cần quyền secretary trở lên trên tổ chức")
    public MemberImportResponse get(Caller caller, @PathVariable UUID unitId, @PathVariable UUID importId) {
        return MemberImportResponse.of(imports.get(caller, OrgUnitId.of(unitId), MemberImportId.of(importId)));
    }

    @DeleteMapping(PATH + "/{importId}")
    @Operation(
            summary = "Hủy một lượt nhập",
            description = "Dừng ở lô kế tiếp; các dòng đã lưu được giữ. Cần quyền secretary trở lên trên tổ chức")
    public MemberImportResponse cancel(Caller caller, @PathVariable UUID unitId, @PathVariable UUID importId) {
        return MemberImportResponse.of(imports.cancel(caller, OrgUnitId.of(unitId), MemberImportId.of(importId)));
    }

    @GetMapping(path = PATH + "/{importId}/rejections", produces = "text/csv")
    @Operation(
            summary = "Báo cáo các dòng không được nhập (CSV)",
            description = "Số dòng, cột và lý do của mỗi dòng bị từ chối hoặc bỏ qua. Cần quyền secretary trở lên")
    public void rejections(
            Caller caller, @PathVariable UUID unitId, @PathVariable UUID importId, HttpServletResponse response)
            throws IOException {
        OrgUnitId unit = OrgUnitId.of(unitId);
        MemberImportId id = MemberImportId.of(importId);
        imports.get(caller, unit, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"loi-nhap-" + importId + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // A BOM so that Excel opens the Vietnamese text as UTF-8.
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            csv.printRecord("Số dòng", "Cột", "Lý do");
            imports.rejections(caller, unit, id, r -> {
                try {
                    csv.printRecord(r.row(), MemberImportColumn.headerOf(r.field()), r.reason());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
