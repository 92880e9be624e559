package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.AuditEntry;
import vn.partycell.member.application.AuditEntry.FieldChange;
import vn.partycell.member.application.AuditQueries;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/** The audit log (nhật ký thao tác) over HTTP: by record or by user, newest first, superiors only. */
@RestController
@Tag(name = "Nhật ký thao tác", description = "Ai đã thay đổi hoặc xuất gì, khi nào, từ giá trị nào sang giá trị nào")
public class AuditController {

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    public record AuditEntryResponse(
            UUID id,
            Instant at,
            String userId,
            String userName,
            String userRoles,
            String requestId,
            String traceparent,
            String operation,
            String recordKind,
            String recordId,
            String orgPath,
            String action,
            List<FieldChange> changes,
            String importId) {

        static AuditEntryResponse of(AuditEntry e) {
            return new AuditEntryResponse(
                    e.id(),
                    e.at(),
                    e.actor().subject(),
                    e.actor().name(),
                    e.actor().roles(),
                    e.actor().requestId(),
                    e.actor().traceparent(),
                    e.actor().operation(),
                    e.recordKind(),
                    e.recordId(),
                    e.orgPath().value(),
                    e.action(),
                    e.changes(),
                    e.importId());
        }
    }

    @GetMapping("/api/v1/audit")
    @Operation(
            summary = "Nhật ký thao tác của một bản ghi hoặc của một người dùng",
            description = "Đúng một trong recordId (mã đảng viên, tổ chức, sổ đảng phí, lần xuất danh sách) hoặc"
                    + " userId (mã người dùng trong token). Mới nhất trước. Mỗi dòng thuộc tổ chức nơi bản ghi"
                    + " đứng khi dòng được ghi (dòng chuyển sinh hoạt thuộc cả nơi đi và nơi đến): người gọi"
                    + " chỉ thấy các dòng trong phạm vi mình là superior. Theo bản ghi: ngoài phạm vi mọi tổ"
                    + " chức bản ghi từng thuộc: 404, trong phạm vi nhưng quyền thấp hơn superior: 403."
                    + " Dữ liệu cá nhân được ghi rõ.")
    public PageResponse<AuditEntryResponse> audit(
            Caller caller,
            @RequestParam(required = false)
                    @Pattern(regexp = "[\\w.:@-]{1,100}", message = "tối đa 100 ký tự chữ, số, . : @ -")
                    String recordId,
            @RequestParam(required = false)
                    @Pattern(regexp = "[\\w.:@-]{1,100}", message = "tối đa 100 ký tự chữ, số, . : @ -")
                    String userId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if ((recordId == null) == (userId == null)) {
            throw new InvalidInputException("recordId", "cần đúng một trong recordId hoặc userId", recordId);
        }
        PageQuery query = PageRequests.query(page, size, null, Set.of());
        return PageResponse.of(
                recordId != null ? queries.ofRecord(caller, recordId, query) : queries.ofUser(caller, userId, query),
                AuditEntryResponse::of);
    }
}
