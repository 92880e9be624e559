package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.MemberService;
import vn.partycell.member.application.RegisterMember;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/** Members over HTTP: register into a cell, read one, list a cell's roster, record a status change. */
@RestController
@Tag(name = "Đảng viên", description = "Hồ sơ đảng viên và danh sách của chi bộ")
public class MemberController {

    private static final Set<String> SORTABLE = Set.of("person.fullName", "joinedOn", "status");

    private final MemberService service;

    public MemberController(MemberService service) {
        this.service = service;
    }

    public record RegisterMemberRequest(
            @NotBlank(message = "bắt buộc phải có") @Size(max = 100, message = "tối đa 100 ký tự")
            String fullName,

            @NotNull(message = "bắt buộc phải có") Gender gender,

            @NotNull(message = "bắt buộc phải có")
            @Past(message = "phải là ngày trong quá khứ")
            @DateWithin(notBefore = "1900-01-01", notAfter = "today")
            LocalDate dateOfBirth,

            @NotNull(message = "bắt buộc phải có") @Pattern(regexp = "\\d{12}", message = "phải gồm đúng 12 chữ số")
            String citizenId,

            @Size(max = 20, message = "tối đa 20 ký tự") String partyCardNumber,

            @Pattern(regexp = "\\+?\\d{9,12}", message = "phải gồm 9–12 chữ số")
            String phone,

            @Email(message = "không phải địa chỉ e-mail hợp lệ") @Size(max = 254, message = "tối đa 254 ký tự")
            String email,

            @Size(max = 300, message = "tối đa 300 ký tự") String address,
            @NotNull(message = "bắt buộc phải có") UUID cellId,
            UUID partyGroupId,
            @NotNull(message = "bắt buộc phải có") MemberStatus status,
            // The Party was founded in 1930; an admission is not dated ahead.
            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate joinedOn,

            Boolean exempted) {}

    public record StatusChangeRequest(
            @NotNull(message = "bắt buộc phải có") MemberStatus status,
            Boolean exempted,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate effectiveOn,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record MemberResponse(
            UUID id,
            String fullName,
            Gender gender,
            LocalDate dateOfBirth,
            String citizenId,
            String partyCardNumber,
            String phone,
            String email,
            String address,
            UUID cellId,
            UUID partyGroupId,
            String orgPath,
            MemberStatus status,
            boolean exempted,
            LocalDate joinedOn,
            List<StatusChange> history,
            long version) {

        static MemberResponse of(Member m) {
            PersonalData p = m.person();
            return new MemberResponse(
                    m.id().value(),
                    p.fullName(),
                    p.gender(),
                    p.dateOfBirth(),
                    p.citizenId(),
                    p.partyCardNumber(),
                    p.phone(),
                    p.email(),
                    p.address(),
                    m.cellId().value(),
                    m.partyGroupId() == null ? null : m.partyGroupId().value(),
                    m.orgPath().value(),
                    m.status(),
                    m.exempted(),
                    m.joinedOn(),
                    m.history(),
                    m.version());
        }
    }

    @PostMapping("/api/v1/members")
    @Operation(summary = "Tiếp nhận đảng viên vào chi bộ", description = "Cần quyền secretary trở lên trên chi bộ")
    public ResponseEntity<MemberResponse> register(Caller caller, @Valid @RequestBody RegisterMemberRequest r) {
        PersonalData person = new PersonalData(
                r.fullName(),
                r.dateOfBirth(),
                r.gender(),
                r.citizenId(),
                r.partyCardNumber(),
                r.phone(),
                r.email(),
                r.address());
        Member member = service.register(
                caller,
                new RegisterMember(
                        person,
                        OrgUnitId.of(r.cellId()),
                        r.partyGroupId() == null ? null : OrgUnitId.of(r.partyGroupId()),
                        r.status(),
                        Boolean.TRUE.equals(r.exempted()),
                        r.joinedOn()));
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.id()))
                .eTag(ETags.of(member.version()))
                .body(MemberResponse.of(member));
    }

    @GetMapping("/api/v1/members/{id}")
    @Operation(summary = "Xem hồ sơ đảng viên")
    public ResponseEntity<MemberResponse> get(Caller caller, @PathVariable UUID id) {
        Member member = service.get(caller, MemberId.of(id));
        return ResponseEntity.ok().eTag(ETags.of(member.version())).body(MemberResponse.of(member));
    }

    @GetMapping("/api/v1/org-units/{cellId}/members")
    @Operation(summary = "Danh sách đảng viên của chi bộ")
    public PageResponse<MemberResponse> inCell(
            Caller caller,
            @PathVariable UUID cellId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(
                service.inCell(caller, OrgUnitId.of(cellId), PageRequests.query(page, size, sort, SORTABLE)),
                MemberResponse::of);
    }

    @PostMapping("/api/v1/members/{id}/status-changes")
    @Operation(
            summary = "Ghi nhận thay đổi trạng thái",
            description =
                    "Công nhận chính thức, miễn sinh hoạt, xóa tên…; lịch sử được giữ nguyên. If-Match chống ghi đè")
    public ResponseEntity<MemberResponse> changeStatus(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody StatusChangeRequest r) {
        Member changed = service.changeStatus(
                caller, MemberId.of(id), ETags.ifMatch(ifMatch), r.status(), r.exempted(), r.effectiveOn(), r.reason());
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(MemberResponse.of(changed));
    }
}
