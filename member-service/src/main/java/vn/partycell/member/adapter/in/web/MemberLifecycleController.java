package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
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
import vn.partycell.member.adapter.in.web.MemberController.MemberResponse;
import vn.partycell.member.application.MemberService;
import vn.partycell.member.application.RecognitionDue;
import vn.partycell.member.domain.DisciplineKind;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.TransferKind;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/**
 * A member's status history, discipline and identity over HTTP: each change is a dated record
 * appended with {@code If-Match} (409 when stale); nothing is edited, a wrong record is voided by a
 * correction. Writes need a secretary of the member's cell unless the operation says otherwise.
 */
@RestController
@Tag(
        name = "Quá trình đảng viên",
        description = "Công nhận, miễn sinh hoạt, sinh hoạt tạm thời, chuyển sinh hoạt, kỷ luật, đính chính")
public class MemberLifecycleController {

    private static final String IF_MATCH = "If-Match";

    private final MemberService service;

    public MemberLifecycleController(MemberService service) {
        this.service = service;
    }

    /** A dated record with its reason: recognition, end of exemption or attachment, removal, death, an answer. */
    public record DatedRequest(
            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate effectiveOn,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record ExemptionRequest(
            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate from,

            @DateWithin(notBefore = "1930-01-01", notAfter = "P50Y")
            LocalDate until,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record AttachmentRequest(
            @NotNull(message = "bắt buộc phải có") UUID hostCellId,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate from,

            @DateWithin(notBefore = "1930-01-01", notAfter = "P50Y")
            LocalDate until,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record TransferRequest(
            @NotNull(message = "bắt buộc phải có") UUID toCellId,
            @NotNull(message = "bắt buộc phải có") TransferKind kind,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate from,

            @DateWithin(notBefore = "1930-01-01", notAfter = "P50Y")
            LocalDate until,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record DisciplineRequest(
            @NotNull(message = "bắt buộc phải có") DisciplineKind kind,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate decidedOn,

            @NotBlank(message = "bắt buộc phải có") @Size(max = 200, message = "tối đa 200 ký tự")
            String issuingBody,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason,

            @NotNull(message = "bắt buộc phải có")
            @Min(value = 1930, message = "từ 1930")
            @Max(value = 2399, message = "đến 2399")
            Integer year) {}

    public record CorrectionRequest(
            @NotNull(message = "bắt buộc phải có") UUID entryId,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record IdentityCorrectionRequest(
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
            @Size(max = 300, message = "tối đa 300 ký tự") String residencePlace,
            @Size(max = 200, message = "tối đa 200 ký tự") String residencePartyOrganisation,
            UUID residencePartyOrganisationId,

            @NotBlank(message = "bắt buộc phải có lý do") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    /** One recognition due: the member (no personal identifiers), when it is due and its deadline. */
    public record RecognitionDueResponse(
            UUID memberId,
            String fullName,
            UUID cellId,
            String orgPath,
            LocalDate joinedOn,
            LocalDate dueOn,
            LocalDate deadline,
            boolean overdue) {

        static RecognitionDueResponse of(RecognitionDue due) {
            Member m = due.member();
            return new RecognitionDueResponse(
                    m.id().value(),
                    m.person().fullName(),
                    m.cellId().value(),
                    m.orgPath().value(),
                    m.joinedOn(),
                    due.dueOn(),
                    due.deadline(),
                    due.overdue());
        }
    }

    @PostMapping("/api/v1/members/{id}/recognition")
    @Operation(
            summary = "Công nhận đảng viên chính thức",
            description =
                    "Chỉ sau khi hết thời gian dự bị (chính sách, mặc định 12 tháng). Cần quyền secretary trên chi bộ; If-Match")
    public ResponseEntity<MemberResponse> recognise(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.recognise(caller, member, version, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/exemptions")
    @Operation(
            summary = "Miễn sinh hoạt",
            description =
                    "Từ ngày, đến ngày (dự kiến), lý do; không tính vào số đảng viên để xác định tỷ lệ dự họp. Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> exempt(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExemptionRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.exempt(caller, member, version, r.from(), r.until(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/exemptions/end")
    @Operation(summary = "Kết thúc miễn sinh hoạt", description = "Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> endExemption(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.endExemption(caller, member, version, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/attachments")
    @Operation(
            summary = "Sinh hoạt tạm thời ở chi bộ khác",
            description =
                    "Được tính ở chi bộ nơi sinh hoạt tạm thời, hồ sơ vẫn ở chi bộ này. Cần quyền secretary trên chi bộ của đảng viên; If-Match")
    public ResponseEntity<MemberResponse> attach(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AttachmentRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.attach(
                        caller, member, version, OrgUnitId.of(r.hostCellId()), r.from(), r.until(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/attachments/end")
    @Operation(summary = "Kết thúc sinh hoạt tạm thời", description = "Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> endAttachment(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.endAttachment(caller, member, version, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/transfers")
    @Operation(
            summary = "Chuyển sinh hoạt đảng",
            description =
                    "Chính thức hoặc tạm thời; trong khi chờ chi bộ nhận trả lời, đảng viên không thuộc danh sách chi bộ nào. Cần quyền secretary trên chi bộ đi; If-Match")
    public ResponseEntity<MemberResponse> requestTransfer(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody TransferRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.requestTransfer(
                        caller,
                        member,
                        version,
                        OrgUnitId.of(r.toCellId()),
                        r.kind(),
                        r.from(),
                        r.until(),
                        r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/transfers/{transferId}/acceptance")
    @Operation(
            summary = "Chi bộ nhận tiếp nhận đảng viên chuyển đến",
            description = "Cần quyền secretary trên chi bộ nhận; If-Match")
    public ResponseEntity<MemberResponse> acceptTransfer(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID transferId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) ->
                        service.answerTransfer(caller, member, version, transferId, true, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/transfers/{transferId}/refusal")
    @Operation(
            summary = "Chi bộ nhận từ chối",
            description = "Đảng viên trở lại danh sách chi bộ đi. Cần quyền secretary trên chi bộ nhận; If-Match")
    public ResponseEntity<MemberResponse> refuseTransfer(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable UUID transferId,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.answerTransfer(
                        caller, member, version, transferId, false, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/removal")
    @Operation(
            summary = "Xóa tên đảng viên",
            description = "Không thể hoàn tác trừ khi đính chính. Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> remove(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.remove(caller, member, version, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/death")
    @Operation(summary = "Ghi nhận đảng viên từ trần", description = "Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> recordDeath(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DatedRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.recordDeath(caller, member, version, r.effectiveOn(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/discipline-decisions")
    @Operation(
            summary = "Ghi nhận quyết định kỷ luật",
            description =
                    "Khiển trách, cảnh cáo, cách chức: quyền secretary; khai trừ: quyền superior, đồng thời chuyển trạng thái sang khai trừ. If-Match")
    public ResponseEntity<MemberResponse> decideDiscipline(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DisciplineRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.decideDiscipline(
                        caller, member, version, r.kind(), r.decidedOn(), r.issuingBody(), r.reason(), r.year()));
    }

    @PostMapping("/api/v1/members/{id}/corrections")
    @Operation(
            summary = "Đính chính một mục lịch sử hoặc quyết định kỷ luật",
            description =
                    "Mục sai được giữ lại và đánh dấu bị đính chính; trạng thái được tính lại. Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> correct(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CorrectionRequest r) {
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.correct(caller, member, version, r.entryId(), r.reason()));
    }

    @PostMapping("/api/v1/members/{id}/identity-corrections")
    @Operation(
            summary = "Đính chính lý lịch",
            description = "Thông tin cũ được giữ trong lịch sử đính chính. Cần quyền secretary; If-Match")
    public ResponseEntity<MemberResponse> correctIdentity(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody IdentityCorrectionRequest r) {
        PersonalData corrected = new PersonalData(
                r.fullName(),
                r.dateOfBirth(),
                r.gender(),
                r.citizenId(),
                r.partyCardNumber(),
                r.phone(),
                r.email(),
                r.address(),
                MemberController.residence(
                        r.residencePlace(), r.residencePartyOrganisation(), r.residencePartyOrganisationId()));
        return change(
                caller,
                id,
                ifMatch,
                (member, version) -> service.correctIdentity(caller, member, version, corrected, r.reason()));
    }

    @GetMapping("/api/v1/org-units/{id}/recognitions-due")
    @Operation(
            summary = "Đảng viên dự bị đến hạn hoặc quá hạn xét công nhận chính thức",
            description =
                    "Trong cây tổ chức dưới nút này, đến hạn trước hoặc vào ngày asOf (mặc định hôm nay); quá hạn khi đã qua số ngày làm việc theo chính sách. Cần quyền secretary trở lên trên nút")
    public PageResponse<RecognitionDueResponse> recognitionsDue(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateWithin(notBefore = "1930-01-01", notAfter = "P5Y") LocalDate asOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(
                service.recognitionsDue(caller, OrgUnitId.of(id), asOf, PageRequests.query(page, size, null, Set.of())),
                RecognitionDueResponse::of);
    }

    /** One change of the member {@code id} at the version {@code If-Match} names. */
    @FunctionalInterface
    interface MemberChange {
        Member apply(MemberId member, Long version);
    }

    /** Applies a change and answers the member as the caller may see it, with its new version as ETag. */
    private static ResponseEntity<MemberResponse> change(Caller caller, UUID id, String ifMatch, MemberChange change) {
        return respond(caller, change.apply(MemberId.of(id), ETags.ifMatch(ifMatch)));
    }

    static ResponseEntity<MemberResponse> respond(Caller caller, Member changed) {
        return ResponseEntity.ok()
                .eTag(ETags.of(changed.version()))
                .body(MemberResponse.of(MemberService.view(caller, changed)));
    }
}
