package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.MemberExport;
import vn.partycell.member.application.MemberFilter;
import vn.partycell.member.application.MemberListing;
import vn.partycell.member.application.MemberQueries;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.PageRequests;
import vn.partycell.platform.web.PageResponse;

/** Member lists over HTTP: search in Vietnamese order, and the same list exported as CSV or XLSX. */
@RestController
@Tag(name = "Danh sách đảng viên", description = "Tìm kiếm, danh sách theo thứ tự tiếng Việt, xuất CSV/XLSX")
public class MemberSearchController {

    private static final String ORG_PATH = "^/([a-z0-9][a-z0-9-]{0,31}/)*$";
    private static final String FILTERS = " Lọc theo tên (có hoặc không dấu, mọi kiểu chữ), trạng thái, chi bộ,"
            + " cây tổ chức (orgPath), số thẻ đảng viên, số CCCD (chỉ bí thư trở lên), chức danh đang giữ hôm nay (role:"
            + " SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER, PARTY_GROUP_LEADER, ở tổ chức trong phạm vi hoặc cấp trên). Chỉ trong phạm vi được cấp:"
            + " một bộ lọc ngoài phạm vi trả về 404; tra CCCD với quyền thấp hơn bí thư trả về 403. Thông tin cá nhân"
            + " (ngày sinh, CCCD, điện thoại, e-mail, địa chỉ) chỉ hiện với chính đảng viên và bí thư trở lên.";

    private final MemberQueries queries;

    public MemberSearchController(MemberQueries queries) {
        this.queries = queries;
    }

    /** A member in a list; the personal fields are null unless {@code personalShown}. */
    public record MemberListResponse(
            UUID id,
            String fullName,
            Gender gender,
            String partyCardNumber,
            UUID cellId,
            UUID partyGroupId,
            String orgPath,
            MemberStatus status,
            boolean exempted,
            LocalDate joinedOn,
            boolean personalShown,
            LocalDate dateOfBirth,
            String citizenId,
            String phone,
            String email,
            String address,
            long version) {

        static MemberListResponse of(MemberListing listing) {
            Member m = listing.member();
            PersonalData p = m.person();
            boolean shown = listing.personal();
            return new MemberListResponse(
                    m.id().value(),
                    p.fullName(),
                    p.gender(),
                    p.partyCardNumber(),
                    m.cellId().value(),
                    m.partyGroupId() == null ? null : m.partyGroupId().value(),
                    m.orgPath().value(),
                    m.status(),
                    m.exempted(),
                    m.joinedOn(),
                    shown,
                    shown ? p.dateOfBirth() : null,
                    shown ? p.citizenId() : null,
                    shown ? p.phone() : null,
                    shown ? p.email() : null,
                    shown ? p.address() : null,
                    m.version());
        }
    }

    @GetMapping("/api/v1/members")
    @Operation(
            summary = "Tìm kiếm đảng viên",
            description = "Danh sách theo thứ tự tiếng Việt: tên, rồi tên đệm, rồi họ; phân trang." + FILTERS)
    public PageResponse<MemberListResponse> search(
            Caller caller,
            @RequestParam(required = false) @Size(max = 100, message = "tối đa 100 ký tự") String q,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) UUID cellId,
            @RequestParam(required = false)
                    @Size(max = 300, message = "tối đa 300 ký tự")
                    @Pattern(regexp = ORG_PATH, message = "phải có dạng /ma-tinh/ma-don-vi/")
                    String orgPath,
            @RequestParam(required = false) @Size(max = 20, message = "tối đa 20 ký tự") String cardNumber,
            @RequestParam(required = false) @Pattern(regexp = "\\d{12}", message = "phải gồm đúng 12 chữ số")
                    String citizenId,
            @RequestParam(required = false) ElectedRole role,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        MemberFilter filter = filter(q, status, cellId, orgPath, cardNumber, citizenId, role);
        return PageResponse.of(
                queries.search(caller, filter, PageRequests.query(page, size, null, Set.of())), MemberListResponse::of);
    }

    @GetMapping("/api/v1/members/export")
    @Operation(
            summary = "Xuất danh sách đảng viên (CSV hoặc XLSX)",
            description = "Cùng bộ lọc và thứ tự như tìm kiếm, toàn bộ danh sách, đọc và ghi theo từng lô. CSV là"
                    + " UTF-8 có BOM. Các cột cá nhân chỉ có khi người gọi là bí thư trở lên trên toàn bộ phạm vi."
                    + FILTERS)
    @ApiResponse(
            responseCode = "200",
            description = "Tệp danh sách",
            content = {
                @Content(mediaType = MemberCsvWriter.CONTENT_TYPE),
                @Content(mediaType = MemberXlsxWriter.CONTENT_TYPE)
            })
    public void export(
            Caller caller,
            @RequestParam(defaultValue = "csv") @Pattern(regexp = "csv|xlsx", message = "chỉ là 'csv' hoặc 'xlsx'")
                    String format,
            @RequestParam(required = false) @Size(max = 100, message = "tối đa 100 ký tự") String q,
            @RequestParam(required = false) MemberStatus status,
            @RequestParam(required = false) UUID cellId,
            @RequestParam(required = false)
                    @Size(max = 300, message = "tối đa 300 ký tự")
                    @Pattern(regexp = ORG_PATH, message = "phải có dạng /ma-tinh/ma-don-vi/")
                    String orgPath,
            @RequestParam(required = false) @Size(max = 20, message = "tối đa 20 ký tự") String cardNumber,
            @RequestParam(required = false) @Pattern(regexp = "\\d{12}", message = "phải gồm đúng 12 chữ số")
                    String citizenId,
            @RequestParam(required = false) ElectedRole role,
            HttpServletResponse response)
            throws IOException {
        // Checked before the first byte: a refusal is still a problem+json answer.
        MemberExport export =
                queries.export(caller, filter(q, status, cellId, orgPath, cardNumber, citizenId, role), format);
        boolean xlsx = format.equals("xlsx");
        response.setContentType(xlsx ? MemberXlsxWriter.CONTENT_TYPE : MemberCsvWriter.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("danh-sach-dang-vien." + format)
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (xlsx) {
            MemberXlsxWriter.write(export, response.getOutputStream());
        } else {
            MemberCsvWriter.write(export, response.getOutputStream());
        }
    }

    private static MemberFilter filter(
            String q,
            MemberStatus status,
            UUID cellId,
            String orgPath,
            String cardNumber,
            String citizenId,
            ElectedRole role) {
        return new MemberFilter(
                blankToNull(q),
                status,
                cellId == null ? null : OrgUnitId.of(cellId),
                blankToNull(orgPath) == null ? null : OrgPath.of(orgPath),
                blankToNull(cardNumber),
                blankToNull(citizenId),
                role);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
