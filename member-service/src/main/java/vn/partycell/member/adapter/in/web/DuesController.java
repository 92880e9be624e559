package vn.partycell.member.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.member.application.CorrectDues;
import vn.partycell.member.application.DuesQueries;
import vn.partycell.member.application.DuesService;
import vn.partycell.member.application.RecordCellDues;
import vn.partycell.member.application.RecordDues;
import vn.partycell.member.domain.DuesEntry;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesPayment;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.web.ETags;
import vn.partycell.platform.web.validation.DateWithin;

/**
 * Party dues (đảng phí) over HTTP: one member's month, a cell's monthly sheet, corrections, a
 * member's year, a cell's month sheet and its missing-dues list. Writes and cell reads need
 * SECRETARY on the cell (or a superior); a member reads their own year.
 */
@RestController
@Tag(name = "Đảng phí", description = "Ghi nhận đảng phí hằng tháng, đính chính, bảng thu của chi bộ")
public class DuesController {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";
    private static final java.util.regex.Pattern MONTH_PATTERN = java.util.regex.Pattern.compile(MONTH);
    private static final java.util.regex.Pattern REQUEST_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final DuesService service;
    private final DuesQueries queries;

    public DuesController(DuesService service, DuesQueries queries) {
        this.service = service;
        this.queries = queries;
    }

    public record DuesPaymentRequest(
            @NotNull(message = "bắt buộc phải có") @Pattern(regexp = MONTH, message = "phải có dạng yyyy-MM")
            String month,

            @NotNull(message = "bắt buộc phải có")
            @Positive(message = "phải lớn hơn 0")
            @Max(value = DuesLedger.MAX_AMOUNT, message = "không được vượt quá 100.000.000 đồng")
            Long amount,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate paidOn) {}

    public record DuesSheetRow(
            @NotNull(message = "bắt buộc phải có") UUID memberId,

            @NotNull(message = "bắt buộc phải có")
            @Positive(message = "phải lớn hơn 0")
            @Max(value = DuesLedger.MAX_AMOUNT, message = "không được vượt quá 100.000.000 đồng")
            Long amount,

            @NotNull(message = "bắt buộc phải có") @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate paidOn) {}

    public record DuesSheetRequest(
            @NotNull(message = "bắt buộc phải có") @Size(min = 1, max = 500, message = "phải có từ 1 đến 500 dòng")
            List<@NotNull(message = "bắt buộc phải có") @Valid DuesSheetRow> rows) {}

    public record DuesCorrectionRequest(
            Boolean cancelled,

            @Positive(message = "phải lớn hơn 0")
            @Max(value = DuesLedger.MAX_AMOUNT, message = "không được vượt quá 100.000.000 đồng")
            Long amount,

            @DateWithin(notBefore = "1930-01-01", notAfter = "today")
            LocalDate paidOn,

            @NotBlank(message = "bắt buộc phải có lý do đính chính") @Size(max = 500, message = "tối đa 500 ký tự")
            String reason) {}

    public record PaymentResponse(int month, long amount, LocalDate paidOn, String recordedBy, Instant recordedAt) {

        static PaymentResponse of(DuesPayment p) {
            return new PaymentResponse(p.month(), p.amount(), p.paidOn(), p.recordedBy(), p.recordedAt());
        }
    }

    public record DuesLedgerResponse(
            UUID memberId,
            int year,
            UUID cellId,
            String orgPath,
            List<Integer> monthsPaid,
            List<PaymentResponse> payments,
            long totalAmount,
            List<DuesEntry> history,
            long version) {

        static DuesLedgerResponse of(DuesLedger l) {
            return new DuesLedgerResponse(
                    l.memberId().value(),
                    l.year(),
                    l.cellId().value(),
                    l.orgPath().value(),
                    l.monthsPaid(),
                    l.payments().stream().map(PaymentResponse::of).toList(),
                    l.payments().stream().mapToLong(DuesPayment::amount).sum(),
                    l.entries().stream()
                            .map(e -> new DuesEntry(
                                    e.month(),
                                    e.kind(),
                                    e.amount(),
                                    e.paidOn(),
                                    e.reason(),
                                    e.recordedBy(),
                                    e.recordedAt(),
                                    null))
                            .toList(),
                    l.version());
        }
    }

    public record SheetRowResponse(UUID memberId, boolean alreadyRecorded, long version) {}

    public record SheetResultResponse(String month, long recorded, long alreadyRecorded, List<SheetRowResponse> rows) {}

    public record MonthLineResponse(UUID memberId, String fullName, boolean paid, Long amount, LocalDate paidOn) {}

    public record MonthSheetResponse(
            UUID cellId,
            String month,
            int members,
            long paidCount,
            long unpaidCount,
            long totalAmount,
            List<MonthLineResponse> lines) {}

    public record MissingLineResponse(UUID memberId, String fullName, List<Integer> unpaidMonths, boolean warning) {}

    public record MissingResponse(UUID cellId, int year, int warningFrom, List<MissingLineResponse> members) {}

    @PostMapping("/api/v1/members/{id}/dues")
    @Operation(
            summary = "Ghi nhận đảng phí một tháng của đảng viên",
            description = "Cần quyền secretary trở lên trên chi bộ của đảng viên. Mỗi tháng chỉ ghi một lần (lần"
                    + " thứ hai: 409); sai thì ghi bản đính chính. Idempotency-Key: gửi lại cùng khóa trả về"
                    + " kết quả đã ghi, không ghi thêm")
    public ResponseEntity<DuesLedgerResponse> record(
            Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody DuesPaymentRequest r) {
        DuesService.Recorded recorded = service.record(
                caller,
                new RecordDues(MemberId.of(id), month(r.month()), r.amount(), r.paidOn(), requestKey(idempotencyKey)));
        DuesLedger ledger = recorded.ledger();
        return ResponseEntity.status(recorded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/members/" + id + "/dues?year=" + ledger.year()))
                .eTag(ETags.of(ledger.version()))
                .body(DuesLedgerResponse.of(ledger));
    }

    @PostMapping("/api/v1/members/{id}/dues/{month}/corrections")
    @Operation(
            summary = "Đính chính đảng phí một tháng",
            description = "Cần quyền secretary trở lên. Ghi một dòng đính chính (số tiền, ngày đóng mới) hoặc hủy"
                    + " khoản ghi nhầm (cancelled: true), kèm lý do; dòng cũ được giữ. If-Match chống ghi đè")
    public ResponseEntity<DuesLedgerResponse> correct(
            Caller caller,
            @PathVariable UUID id,
            @PathVariable String month,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DuesCorrectionRequest r) {
        boolean cancel = Boolean.TRUE.equals(r.cancelled());
        if (!cancel && r.amount() == null) {
            throw new InvalidInputException("amount", "bắt buộc phải có khi không hủy khoản đã ghi", null);
        }
        if (!cancel && r.paidOn() == null) {
            throw new InvalidInputException("paidOn", "bắt buộc phải có khi không hủy khoản đã ghi", null);
        }
        DuesLedger ledger = service.correct(
                caller,
                new CorrectDues(
                        MemberId.of(id),
                        month(month),
                        cancel,
                        cancel ? 0 : r.amount(),
                        cancel ? null : r.paidOn(),
                        r.reason(),
                        ETags.ifMatch(ifMatch)));
        return ResponseEntity.ok().eTag(ETags.of(ledger.version())).body(DuesLedgerResponse.of(ledger));
    }

    @GetMapping("/api/v1/members/{id}/dues")
    @Operation(
            summary = "Đảng phí của đảng viên trong một năm",
            description = "Đảng viên xem của chính mình; secretary trở lên trên chi bộ xem của mọi đảng viên")
    public ResponseEntity<DuesLedgerResponse> ofMember(Caller caller, @PathVariable UUID id, @RequestParam int year) {
        DuesLedger ledger = queries.ofMember(caller, MemberId.of(id), year);
        return ResponseEntity.ok().eTag(ETags.of(ledger.version())).body(DuesLedgerResponse.of(ledger));
    }

    @PostMapping("/api/v1/org-units/{cellId}/dues/{month}")
    @Operation(
            summary = "Ghi nhận đảng phí cả chi bộ trong một tháng",
            description = "Cần quyền secretary trở lên trên chi bộ. Tối đa 500 dòng, mỗi dòng một đảng viên đang"
                    + " sinh hoạt ở chi bộ. Kiểm tra cả bảng trước: một dòng sai thì không dòng nào được ghi (lỗi"
                    + " nêu rows[i].trường). Dòng đã được ghi giống hệt (gửi lại) hoặc cùng Idempotency-Key thì"
                    + " bỏ qua, không ghi hai lần")
    public SheetResultResponse recordForCell(
            Caller caller,
            @PathVariable UUID cellId,
            @PathVariable String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody DuesSheetRequest r) {
        List<RecordCellDues.Row> rows = r.rows().stream()
                .map(row -> new RecordCellDues.Row(MemberId.of(row.memberId()), row.amount(), row.paidOn()))
                .toList();
        DuesService.SheetResult result = service.recordForCell(
                caller, new RecordCellDues(OrgUnitId.of(cellId), month(month), rows, requestKey(idempotencyKey)));
        List<SheetRowResponse> lines = result.rows().stream()
                .map(x -> new SheetRowResponse(x.memberId().value(), x.alreadyRecorded(), x.ledgerVersion()))
                .toList();
        return new SheetResultResponse(
                result.month().toString(), result.recorded(), result.rows().size() - result.recorded(), lines);
    }

    @GetMapping("/api/v1/org-units/{cellId}/dues/{month}")
    @Operation(
            summary = "Bảng thu đảng phí của chi bộ trong một tháng",
            description = "Mọi đảng viên đang sinh hoạt, đã đóng hay chưa, số tiền. Cần quyền secretary trở lên")
    public MonthSheetResponse monthSheet(Caller caller, @PathVariable UUID cellId, @PathVariable String month) {
        DuesQueries.MonthSheet sheet = queries.monthSheet(caller, OrgUnitId.of(cellId), month(month));
        List<MonthLineResponse> lines = sheet.lines().stream()
                .map(l -> new MonthLineResponse(
                        l.member().id().value(),
                        l.member().person().fullName(),
                        l.payment().isPresent(),
                        l.payment().map(DuesPayment::amount).orElse(null),
                        l.payment().map(DuesPayment::paidOn).orElse(null)))
                .toList();
        long paid = lines.stream().filter(MonthLineResponse::paid).count();
        long total = lines.stream()
                .filter(MonthLineResponse::paid)
                .mapToLong(MonthLineResponse::amount)
                .sum();
        return new MonthSheetResponse(
                cellId, sheet.month().toString(), lines.size(), paid, lines.size() - paid, total, lines);
    }

    @GetMapping("/api/v1/org-units/{cellId}/missing-dues")
    @Operation(
            summary = "Đảng viên chưa đóng đủ đảng phí trong năm",
            description = "Các tháng đã qua (từ tháng vào Đảng) chưa đóng; cảnh báo từ số tháng theo quy định của"
                    + " năm (partycell.policy…dues.warning-unpaid-months). Cần quyền secretary trở lên")
    public MissingResponse missing(Caller caller, @PathVariable UUID cellId, @RequestParam int year) {
        DuesQueries.MissingList list = queries.missing(caller, OrgUnitId.of(cellId), year);
        return new MissingResponse(
                cellId,
                list.year(),
                list.warningFrom(),
                list.members().stream()
                        .map(m -> new MissingLineResponse(
                                m.member().id().value(), m.member().person().fullName(), m.unpaidMonths(), m.warning()))
                        .toList());
    }

    private static YearMonth month(String text) {
        if (text == null || !MONTH_PATTERN.matcher(text).matches()) {
            throw new InvalidInputException("month", "phải có dạng yyyy-MM, ví dụ 2026-03", text);
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.getYear() < 1930) {
                throw new InvalidInputException("month", "không được trước năm 1930", text);
            }
            return month;
        } catch (DateTimeException e) {
            throw new InvalidInputException("month", "phải có dạng yyyy-MM, ví dụ 2026-03", text);
        }
    }

    private static String requestKey(String header) {
        if (header == null) {
            return null;
        }
        if (!REQUEST_KEY.matcher(header).matches()) {
            throw new InvalidInputException(
                    "Idempotency-Key", "phải gồm 1–100 ký tự ASCII in được, không có khoảng trắng", null);
        }
        return header;
    }
}
