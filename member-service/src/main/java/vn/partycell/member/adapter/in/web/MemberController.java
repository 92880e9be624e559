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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.MemberService;
import vn.partycell.member.application.MemberView;
import vn.partycell.member.application.RegisterMember;
import vn.partycell.member.domain.DisciplineKind;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.Residence;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.member.domain.StatusChangeKind;
import vn.partycell.member.domain.TransferKind;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;
import vn.partycell.platform.web.validation.DateWithin;

/** Members over HTTP: register into a cell, read one, list a cell's roster (personal data per caller). */
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

            Boolean exempted,
            @Size(max = 300, message = "tối đa 300 ký tự") String residencePlace,
            @Size(max = 200, message = "tối đa 200 ký tự") String residencePartyOrganisation,
            UUID residencePartyOrganisationId) {}

    /** A member's residence as the API shows it. */
    public record ResidenceResponse(String place, String partyOrganisation, UUID partyOrganisationId) {}

    /** One line of the status history. */
    public record HistoryLine(
            UUID entryId,
            StatusChangeKind kind,
            LocalDate effectiveOn,
            LocalDate until,
            MemberStatus admittedAs,
            UUID otherCellId,
            String otherCellPath,
            TransferKind transferKind,
            UUID refersTo,
            String reason,
            String recordedBy,
            Instant recordedAt) {

        static HistoryLine of(StatusChange c) {
            return new HistoryLine(
                    c.entryId(),
                    c.kind(),
                    c.effectiveOn(),
                    c.until(),
                    c.admittedAs(),
                    c.otherCellId() == null ? null : c.otherCellId().value(),
                    c.otherCellPath() == null ? null : c.otherCellPath().value(),
                    c.transferKind(),
                    c.refersTo(),
                    c.reason(),
                    c.recordedBy(),
                    c.recordedAt());
        }
    }

    /** A discipline decision; {@code annulled} when a correcting line voids it. */
    public record DisciplineLine(
            UUID decisionId,
            DisciplineKind kind,
            LocalDate decidedOn,
            String issuingBody,
            String reason,
            int year,
            boolean annulled,
            String recordedBy,
            Instant recordedAt) {}

    /** An identity correction: who, when, why (the former identity only for those who see personal data). */
    public record IdentityCorrectionLine(
            UUID correctionId,
            String formerFullName,
            String formerCitizenId,
            String reason,
            String recordedBy,
            Instant recordedAt) {}

    /**
     * A member as the caller may see them: without the right to personal data (the member
     * themself, a secretary or above over the cell), the citizen ID and phone are masked and the
     * date of birth, address and residence left out ({@code personalDataHidden}).
     */
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
            List<HistoryLine> history,
            long version,
            boolean personalDataHidden,
            ResidenceResponse residence,
            UUID meetingCellId,
            boolean inTransit,
            LocalDate recognitionDueOn,
            List<DisciplineLine> discipline,
            List<IdentityCorrectionLine> identityCorrections) {

        static MemberResponse of(MemberView view) {
            Member m = view.member();
            PersonalData p = m.person();
            boolean shown = view.personalData();
            Residence r = p.residence();
            java.util.Set<UUID> voided = m.history().stream()
                    .filter(c -> c.kind() == StatusChangeKind.CORRECTION)
                    .map(StatusChange::refersTo)
                    .collect(java.util.stream.Collectors.toSet());
            return new MemberResponse(
                    m.id().value(),
                    p.fullName(),
                    p.gender(),
                    shown ? p.dateOfBirth() : null,
                    shown ? p.citizenId() : mask(p.citizenId(), 4, 2),
                    p.partyCardNumber(),
                    shown ? p.phone() : mask(p.phone(), 0, 3),
                    p.email(),
                    shown ? p.address() : null,
                    m.cellId().value(),
                    m.partyGroupId() == null ? null : m.partyGroupId().value(),
                    m.orgPath().value(),
                    m.status(),
                    m.exempted(),
                    m.joinedOn(),
                    m.history().stream().map(HistoryLine::of).toList(),
                    m.version(),
                    !shown,
                    !shown || r == null
                            ? null
                            : new ResidenceResponse(
                                    r.place(),
                                    r.partyOrganisation(),
                                    r.partyOrganisationId() == null
                                            ? null
                                            : r.partyOrganisationId().value()),
                    m.meetingCellId().map(OrgUnitId::value).orElse(null),
                    m.pendingTransfer().isPresent(),
                    m.recognitionDueOn(),
                    m.discipline().stream()
                            .map(d -> new DisciplineLine(
                                    d.decisionId(),
                                    d.kind(),
                                    d.decidedOn(),
                                    d.issuingBody(),
                                    d.reason(),
                                    d.countsForYear(),
                                    voided.contains(d.decisionId()),
                                    d.recordedBy(),
                                    d.recordedAt()))
                            .toList(),
                    m.identityCorrections().stream()
                            .map(c -> new IdentityCorrectionLine(
                                    c.correctionId(),
                                    shown ? c.before().fullName() : null,
                                    shown ? c.before().citizenId() : null,
                                    c.reason(),
                                    c.recordedBy(),
                                    c.recordedAt()))
                            .toList());
        }

        /** Keeps {@code head} and {@code tail} characters, e.g. {@code 0330••••••89}. */
        static String mask(String value, int head, int tail) {
            if (value == null) {
                return null;
            }
            if (value.length() <= head + tail) {
                return "•".repeat(value.length());
            }
            return value.substring(0, head)
                    + "•".repeat(value.length() - head - tail)
                    + value.substring(value.length() - tail);
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
                r.address(),
                residence(r.residencePlace(), r.residencePartyOrganisation(), r.residencePartyOrganisationId()));
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
                .body(MemberResponse.of(new MemberView(member, true)));
    }

    @GetMapping("/api/v1/members/{id}")
    @Operation(summary = "Xem hồ sơ đảng viên")
    public ResponseEntity<MemberResponse> get(Caller caller, @PathVariable UUID id) {
        MemberView member = service.get(caller, MemberId.of(id));
        return ResponseEntity.ok().eTag(ETags.of(member.member().version())).body(MemberResponse.of(member));
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

    static Residence residence(String place, String partyOrganisation, UUID partyOrganisationId) {
        if (place == null && partyOrganisation == null && partyOrganisationId == null) {
            return null;
        }
        return new Residence(
                place, partyOrganisation, partyOrganisationId == null ? null : OrgUnitId.of(partyOrganisationId));
    }
}
