package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.CellComposition;
import vn.partycell.member.application.CompositionService;
import vn.partycell.member.application.OrgUnitService;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PendingMove;
import vn.partycell.member.domain.RoleRecord;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/** The org tree over HTTP: create a node under one you govern, read and list what you may see. */
@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Tổ chức đảng", description = "Cây tổ chức: tỉnh ủy → cấp ủy → đảng ủy cơ sở → chi bộ → tổ đảng")
public class OrgUnitController {

    private static final Set<String> SORTABLE = Set.of("orgPath", "name", "code", "kind");

    private final OrgUnitService service;
    private final CompositionService composition;

    public OrgUnitController(OrgUnitService service, CompositionService composition) {
        this.service = service;
        this.composition = composition;
    }

    public record CreateOrgUnitRequest(
            @NotBlank(message = "bắt buộc phải có")
            @Pattern(regexp = OrgPath.CODE_PATTERN, message = "chỉ gồm chữ thường, số và gạch nối, tối đa 32 ký tự")
            String code,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String name,

            @NotNull(message = "bắt buộc phải có") OrgUnitKind kind,
            UUID parentId,

            // Ngày thành lập (from the founding decision); left out: the day it is created here.
            @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate establishedOn) {}

    public record OrgUnitResponse(
            UUID id,
            String code,
            String name,
            OrgUnitKind kind,
            UUID parentId,
            String orgPath,
            long version,
            LocalDate establishedOn,
            LocalDate dissolvedOn,
            PendingMoveResponse pendingMove,
            List<TermResponse> terms,
            List<RoleResponse> roles,
            Long fullMembers,
            List<CompositionWarning> warnings) {

        static OrgUnitResponse of(OrgUnit u) {
            return of(u, null);
        }

        /** With the cell's live composition (full members, warnings) when given. */
        static OrgUnitResponse of(OrgUnit u, CellComposition composition) {
            PendingMove m = u.pendingMove();
            Map<UUID, RoleRecord.Ended> endings = new HashMap<>();
            u.roles().forEach(r -> {
                if (r instanceof RoleRecord.Ended e) {
                    endings.put(e.assignmentId(), e);
                }
            });
            List<RoleResponse> roles = u.roles().stream()
                    .filter(RoleRecord.Assigned.class::isInstance)
                    .map(RoleRecord.Assigned.class::cast)
                    .map(a -> RoleResponse.of(a, endings.get(a.assignmentId())))
                    .toList();
            boolean cell = composition != null && u.isCell() && !u.isDissolved();
            return new OrgUnitResponse(
                    u.id().value(),
                    u.code(),
                    u.name(),
                    u.kind(),
                    u.parentId() == null ? null : u.parentId().value(),
                    u.orgPath().value(),
                    u.version(),
                    u.establishedOn(),
                    u.dissolvedOn(),
                    m == null
                            ? null
                            : new PendingMoveResponse(
                                    m.from().value(), m.to().value(), m.startedAt(), m.total(), m.done()),
                    u.terms().stream()
                            .map(t -> new TermResponse(t.id(), t.name(), t.start(), t.end()))
                            .toList(),
                    roles,
                    cell ? composition.fullMembers() : null,
                    cell ? composition.warnings() : null);
        }
    }

    /** Chuyển tổ chức đang thực hiện: bản ghi đã chuyển / tổng số. */
    public record PendingMoveResponse(String fromPath, String toPath, Instant startedAt, long total, long done) {}

    public record TermResponse(UUID id, String name, LocalDate start, LocalDate end) {}

    /** One assignment with its ending, if any: current when {@code until} is null. */
    public record RoleResponse(
            UUID assignmentId,
            UUID memberId,
            ElectedRole role,
            LocalDate from,
            LocalDate until,
            String endReason,
            UUID termId,
            boolean current) {

        static RoleResponse of(RoleRecord.Assigned a, RoleRecord.Ended e) {
            return new RoleResponse(
                    a.assignmentId(),
                    a.memberId().value(),
                    a.role(),
                    a.from(),
                    e == null ? null : e.on(),
                    e == null ? null : e.reason(),
                    a.termId(),
                    e == null);
        }
    }

    public record CompositionWarningsResponse(
            UUID cellId,
            String code,
            String name,
            String orgPath,
            long fullMembers,
            List<CompositionWarning> warnings) {

        static CompositionWarningsResponse of(CellComposition c) {
            OrgUnit u = c.cell();
            return new CompositionWarningsResponse(
                    u.id().value(), u.code(), u.name(), u.orgPath().value(), c.fullMembers(), c.warnings());
        }
    }

    public record RenameRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String name) {}

    public record MoveRequest(
            @NotNull(message = "bắt buộc phải có") UUID parentId) {}

    public record DissolveRequest(
            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate on) {}

    public record TermRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 100, message = "tối đa 100 ký tự")
            String name,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "P10Y")
            LocalDate start,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "P20Y")
            LocalDate end) {}

    public record AssignRoleRequest(
            @NotNull(message = "bắt buộc phải có") UUID memberId,
            @NotNull(message = "bắt buộc phải có") ElectedRole role,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate from) {}

    public record EndRoleRequest(
            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate on,

            @Size(max = 500, message = "tối đa 500 ký tự") String reason) {}

    @PostMapping
    @Operation(
            summary = "Tạo tổ chức",
            description = "Gốc cần quyền admin trên '/'; nút con cần quyền superior trên nút cha. establishedOn"
                    + " (yyyy-MM-dd, không quá hôm nay) là ngày thành lập theo quyết định; bỏ trống là ngày tạo")
    public ResponseEntity<OrgUnitResponse> create(Caller caller, @Valid @RequestBody CreateOrgUnitRequest request) {
        OrgUnit unit = service.create(
                caller,
                request.code(),
                request.name(),
                request.kind(),
                request.parentId() == null ? null : OrgUnitId.of(request.parentId()),
                request.establishedOn());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.id()))
                .body(OrgUnitResponse.of(unit));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Xem một tổ chức",
            description = "Kèm nhiệm kỳ, chức danh (cả đã kết thúc), việc chuyển đang thực hiện và, với chi bộ, số đảng"
                    + " viên chính thức và các cảnh báo cơ cấu (warnings). ETag là phiên bản, dùng cho If-Match")
    public ResponseEntity<OrgUnitResponse> get(Caller caller, @PathVariable UUID id) {
        OrgUnit unit = service.get(caller, OrgUnitId.of(id));
        return withETag(OrgUnitResponse.of(unit, composition.of(unit)), HttpStatus.OK);
    }

    @PostMapping("/{id}/rename")
    @Operation(
            summary = "Đổi tên tổ chức",
            description = "Cần quyền superior trên tổ chức cấp trên (admin với tổ chức gốc). Mã và đường dẫn không đổi."
                    + " If-Match chống ghi đè (409 nếu phiên bản đã cũ)")
    public ResponseEntity<OrgUnitResponse> rename(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RenameRequest r) {
        return change(id, ifMatch, HttpStatus.OK, (unit, version) -> service.rename(caller, unit, version, r.name()));
    }

    @PostMapping("/{id}/move")
    @Operation(
            summary = "Chuyển tổ chức sang tổ chức cấp trên khác",
            description = "Cần quyền superior trên cả tổ chức cấp trên cũ và mới. Không được chuyển vào chính nó hay tổ"
                    + " chức trực thuộc nó; loại tổ chức phải được phép đặt dưới cấp trên mới. Trả 202: đường dẫn của"
                    + " mọi tổ chức và đảng viên trực thuộc được cập nhật dần, tiến độ xem ở pendingMove"
                    + " (done/total). If-Match chống ghi đè")
    public ResponseEntity<OrgUnitResponse> move(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MoveRequest r) {
        return change(
                id,
                ifMatch,
                HttpStatus.ACCEPTED,
                (unit, version) -> service.move(caller, unit, version, OrgUnitId.of(r.parentId())));
    }

    @PostMapping("/{id}/dissolve")
    @Operation(
            summary = "Giải thể tổ chức",
            description = "Cần quyền superior trên tổ chức cấp trên. Bị từ chối (422 org-unit-not-empty) khi còn đảng"
                    + " viên đang sinh hoạt hoặc tổ chức trực thuộc chưa giải thể. If-Match chống ghi đè")
    public ResponseEntity<OrgUnitResponse> dissolve(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DissolveRequest r) {
        return change(id, ifMatch, HttpStatus.OK, (unit, version) -> service.dissolve(caller, unit, version, r.on()));
    }

    @PostMapping("/{id}/terms")
    @Operation(
            summary = "Ghi nhận nhiệm kỳ cấp ủy",
            description = "Cần quyền superior trên tổ chức. Các nhiệm kỳ của một tổ chức không được trùng thời gian"
                    + " (422 term-overlap). If-Match chống ghi đè")
    public ResponseEntity<OrgUnitResponse> openTerm(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TermRequest r) {
        return change(
                id,
                ifMatch,
                HttpStatus.CREATED,
                (unit, version) -> service.openTerm(caller, unit, version, r.name(), r.start(), r.end()));
    }

    @PostMapping("/{id}/roles")
    @Operation(
            summary = "Giao chức danh (bí thư, phó bí thư, cấp ủy viên, tổ trưởng tổ đảng)",
            description = "Cần quyền superior trên tổ chức. Đảng viên phải đang sinh hoạt tại tổ chức (chi bộ của mình,"
                    + " tổ đảng thuộc chi bộ đó, hoặc một chi bộ trực thuộc cấp ủy). If-Match chống ghi đè")
    public ResponseEntity<OrgUnitResponse> assignRole(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssignRoleRequest r) {
        return change(
                id,
                ifMatch,
                HttpStatus.CREATED,
                (unit, version) ->
                        service.assignRole(caller, unit, version, MemberId.of(r.memberId()), r.role(), r.from()));
    }

    @PostMapping("/{id}/roles/{assignmentId}/end")
    @Operation(
            summary = "Kết thúc chức danh",
            description = "Cần quyền superior trên tổ chức. Ghi thêm một bản ghi có ngày; bản ghi giao chức danh được"
                    + " giữ nguyên. If-Match chống ghi đè")
    public ResponseEntity<OrgUnitResponse> endRole(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID assignmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody EndRoleRequest r) {
        return change(
                id,
                ifMatch,
                HttpStatus.OK,
                (unit, version) -> service.endRole(caller, unit, version, assignmentId, r.on(), r.reason()));
    }

    @GetMapping("/{id}/composition-warnings")
    @Operation(
            summary = "Các chi bộ chưa đúng cơ cấu trong phạm vi tổ chức",
            description = "Cần quyền superior trên tổ chức. Chi bộ dưới mức tối thiểu đảng viên chính thức, chưa có bí"
                    + " thư, hoặc từ mức lập chi ủy mà chưa có phó bí thư (các mức là quy định theo năm)")
    public PageResponse<CompositionWarningsResponse> compositionWarnings(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(
                composition.warnings(
                        caller,
                        OrgUnitId.of(id),
                        PageRequests.query(page, size, null, Set.of("orgPath"), PageQuery.Order.asc("orgPath"))),
                CompositionWarningsResponse::of);
    }

    /** One change of the node {@code id} at the version {@code If-Match} names. */
    @FunctionalInterface
    interface OrgUnitChange {
        OrgUnit apply(OrgUnitId unit, Long version);
    }

    /** Applies a change and answers the node with its new version as ETag. */
    private static ResponseEntity<OrgUnitResponse> change(
            UUID id, String ifMatch, HttpStatus status, OrgUnitChange change) {
        return withETag(OrgUnitResponse.of(change.apply(OrgUnitId.of(id), ETags.ifMatch(ifMatch))), status);
    }

    private static ResponseEntity<OrgUnitResponse> withETag(OrgUnitResponse body, HttpStatus status) {
        return ResponseEntity.status(status).eTag(ETags.of(body.version())).body(body);
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
