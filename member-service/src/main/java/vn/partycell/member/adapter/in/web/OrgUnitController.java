package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.OrgUnitService;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/** The org tree over HTTP: create a node under one you govern, read and list what you may see. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Tổ chức đảng", description = "Cây tổ chức: tỉnh ủy → cấp ủy → đảng ủy cơ sở → chi bộ → tổ đảng")
public class OrgUnitController {

    private static final Set<String> SORTABLE = Set.of("orgPath", "name", "code", "kind");

    private final OrgUnitService service;

    public OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    public record CreateOrgUnitRequest(
            @NotBlank(message = "bắt buộc phải có")
            @Pattern(regexp = OrgPath.CODE_PATTERN, message = "chỉ gồm chữ thường, số và gạch nối, tối đa 32 ký tự")
            String code,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String name,

            @NotNull(message = "bắt buộc phải có") OrgUnitKind kind,
            UUID parentId) {}

    public record OrgUnitResponse(
            UUID id, String code, String name, OrgUnitKind kind, UUID parentId, String orgPath, long version) {

        static OrgUnitResponse of(OrgUnit u) {
            return new OrgUnitResponse(
                    u.id().value(),
                    u.code(),
                    u.name(),
                    u.kind(),
                    u.parentId() == null ? null : u.parentId().value(),
                    u.orgPath().value(),
                    u.version());
        }
    }

    @PostMapping
    @Operation(
            summary = "Tạo tổ chức",
            description = "Gốc cần quyền admin trên '/'; nút con cần quyền superior trên nút cha")
    public ResponseEntity<OrgUnitResponse> create(Caller caller, @Valid @RequestBody CreateOrgUnitRequest request) {
        OrgUnit unit = service.create(
                caller,
                request.code(),
                request.name(),
                request.kind(),
                request.parentId() == null ? null : OrgUnitId.of(request.parentId()));
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id()))
                .body(OrgUnitResponse.of(unit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Xem một tổ chức")
    public OrgUnitResponse get(Caller caller, @PathVariable UUID id) {
        return OrgUnitResponse.of(service.get(caller, OrgUnitId.of(id)));
    }

    @GetMapping
    @Operation(summary = "Danh sách tổ chức trong phạm vi được giao", description = "Lọc theo parentId, code, kind")
    public PageResponse<OrgUnitResponse> list(
            Caller caller,
            @RequestParam(required = false) UUID parentId,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) OrgUnitKind kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(
                service.search(
                        caller,
                        parentId == null ? null : OrgUnitId.of(parentId),
                        code,
                        kind,
                        PageRequests.query(page, size, sort, SORTABLE, PageQuery.Order.asc("orgPath"))),
                OrgUnitResponse::of);
    }
}
