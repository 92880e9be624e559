package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A member's party dues (đảng phí) for one calendar year: the dated lines of payments, corrections
 * and cancellations, appended and never changed. What is paid for a month is derived from its last
 * line. Every command returns the new ledger with one {@link DuesEvent.Recorded} carrying the whole
 * year, so evaluation-service can apply the months rule ({@code infra/docs/rules.md} 2.8) from the
 * newest event alone. The ledger follows the member's cell: each write stores the cell the member is
 * in at that moment.
 *
 * @param version 0 for a ledger not stored yet
 */
public record DuesLedger(DuesLedgerId id, OrgUnitId cellId, OrgPath orgPath, List<DuesEntry> entries, long version) {

    /**
     * Upper bound of one month's dues in VND: a guard against a mistyped amount (extra zeros), not a
     * Party rule; dues are a share of income and rarely pass a few hundred thousand đồng.
     */
    public static final long MAX_AMOUNT = 100_000_000L;

    public DuesLedger {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        entries = List.copyOf(entries);
    }

    /** The empty ledger of a member and year, before its first payment is stored. */
    public static DuesLedger open(Member member, int year) {
        return new DuesLedger(new DuesLedgerId(member.id(), year), member.cellId(), member.orgPath(), List.of(), 0);
    }

    public int year() {
        return id.year();
    }

    public MemberId memberId() {
        return id.memberId();
    }

    /** The dues in force for a month (1–12), if any: the month's last line unless it cancels. */
    public Optional<DuesPayment> payment(int month) {
        DuesPayment current = null;
        for (DuesEntry e : entries) {
            if (e.month() == month) {
                current = e.payment();
            }
        }
        return Optional.ofNullable(current);
    }

    /** The payments in force, by month. */
    public List<DuesPayment> payments() {
        Map<Integer, DuesEntry> last = new TreeMap<>();
        entries.forEach(e -> last.put(e.month(), e));
        return last.values().stream()
                .map(DuesEntry::payment)
                .filter(Objects::nonNull)
                .toList();
    }

    /** The months (1–12) paid so far, ascending. */
    public List<Integer> monthsPaid() {
        return payments().stream().map(DuesPayment::month).toList();
    }

    /** The line that recorded the month's payment in force, if any (to recognise a replayed request). */
    public Optional<DuesEntry> lastEntry(int month) {
        DuesEntry last = null;
        for (DuesEntry e : entries) {
            if (e.month() == month) {
                last = e;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * What is wrong with paying {@code amount} on {@code paidOn} for {@code month} of this ledger's
     * year, by field name, in Vietnamese; empty when the payment may be recorded. A month is paid
     * only once it has begun (Vietnamese date) and not before the month the member joined; it is paid
     * on a day of that month or later, never in the future; only an active member pays.
     */
    public Map<String, String> problemsOfPayment(
            Member member, int month, long amount, LocalDate paidOn, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireOwner(member);
        if (!member.isActive()) {
            problems.put("memberId", "đảng viên đang ở trạng thái " + member.status() + ", không đóng đảng phí");
        }
        YearMonth ym = yearMonth(month);
        if (ym.isAfter(YearMonth.from(today))) {
            problems.put("month", "tháng " + ym + " chưa đến");
        } else if (ym.isBefore(YearMonth.from(member.joinedOn()))) {
            problems.put("month", "tháng " + ym + " trước tháng vào Đảng (" + YearMonth.from(member.joinedOn()) + ")");
        }
        amountProblem(amount).ifPresent(p -> problems.put("amount", p));
        paidOnProblem(ym, paidOn, today).ifPresent(p -> problems.put("paidOn", p));
        return problems;
    }

    /**
     * Records the dues of a month. A second payment for a month already paid is refused (409): a
     * wrong one is corrected with {@link #correct}, never recorded twice.
     */
    public Change<DuesLedger, DuesEvent> record(
            Member member,
            int month,
            long amount,
            LocalDate paidOn,
            String requestKey,
            String recordedBy,
            Instant now,
            LocalDate today) {
        Map<String, String> problems = problemsOfPayment(member, month, amount, paidOn, today);
        if (!problems.isEmpty()) {
            throw new RuleViolationException("dues-invalid", "Khoản đảng phí không hợp lệ", Map.of("fields", problems));
        }
        if (payment(month).isPresent()) {
            throw alreadyPaid(month);
        }
        DuesEntry line =
                new DuesEntry(month, DuesEntry.Kind.PAYMENT, amount, paidOn, null, recordedBy, now, requestKey);
        return appended(member, line);
    }

    /**
     * Corrects the month's payment in force with a new amount and date, or cancels it when {@code
     * cancel} (then {@code amount} and {@code paidOn} are ignored). The wrong line stays in the
     * ledger; the correcting line carries the reason.
     */
    public Change<DuesLedger, DuesEvent> correct(
            Member member,
            int month,
            boolean cancel,
            long amount,
            LocalDate paidOn,
            String reason,
            String recordedBy,
            Instant now,
            LocalDate today) {
        requireOwner(member);
        DuesPayment current = payment(month)
                .orElseThrow(() -> new RuleViolationException(
                        "dues-not-paid",
                        "Tháng " + yearMonth(month) + " chưa có khoản đảng phí nào để đính chính",
                        Map.of("fields", Map.of("month", "chưa có khoản đảng phí"))));
        Map<String, String> problems = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            problems.put("reason", "bắt buộc phải có lý do đính chính");
        }
        if (!cancel) {
            amountProblem(amount).ifPresent(p -> problems.put("amount", p));
            paidOnProblem(yearMonth(month), paidOn, today).ifPresent(p -> problems.put("paidOn", p));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "dues-invalid", "Đính chính đảng phí không hợp lệ", Map.of("fields", problems));
        }
        if (!cancel && current.amount() == amount && current.paidOn().equals(paidOn)) {
            throw new RuleViolationException("no-change", "Số tiền và ngày đóng trùng với khoản đang ghi nhận");
        }
        DuesEntry line = cancel
                ? new DuesEntry(month, DuesEntry.Kind.CANCELLATION, 0, null, reason.strip(), recordedBy, now, null)
                : new DuesEntry(
                        month, DuesEntry.Kind.CORRECTION, amount, paidOn, reason.strip(), recordedBy, now, null);
        return appended(member, line);
    }

    /** The 409 for a month already paid; the same text one by one and in bulk. */
    public ConflictException alreadyPaid(int month) {
        DuesPayment paid = payment(month).orElseThrow();
        return new ConflictException(
                "dues-already-paid",
                "Đảng phí tháng " + yearMonth(month) + " đã được ghi nhận (" + paid.amount() + " đồng, ngày "
                        + paid.paidOn() + "); nếu sai, hãy ghi một bản đính chính");
    }

    private Change<DuesLedger, DuesEvent> appended(Member member, DuesEntry line) {
        List<DuesEntry> next = new ArrayList<>(entries);
        next.add(line);
        DuesLedger changed = new DuesLedger(id, member.cellId(), member.orgPath(), next, version + 1);
        return Change.of(changed, new DuesEvent.Recorded(changed));
    }

    private YearMonth yearMonth(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month must be 1–12, was " + month);
        }
        return YearMonth.of(id.year(), month);
    }

    private void requireOwner(Member member) {
        if (!member.id().equals(id.memberId())) {
            throw new IllegalArgumentException("ledger " + id + " is not the ledger of member " + member.id());
        }
    }

    private static Optional<String> amountProblem(long amount) {
        if (amount <= 0) {
            return Optional.of("phải lớn hơn 0");
        }
        if (amount > MAX_AMOUNT) {
            return Optional.of("không được vượt quá " + MAX_AMOUNT + " đồng");
        }
        return Optional.empty();
    }

    private static Optional<String> paidOnProblem(YearMonth month, LocalDate paidOn, LocalDate today) {
        if (paidOn == null) {
            return Optional.of("bắt buộc phải có");
        }
        if (paidOn.isAfter(today)) {
            return Optional.of("không được ở tương lai");
        }
        if (paidOn.isBefore(month.atDay(1))) {
            return Optional.of("không được trước ngày đầu của tháng " + month);
        }
        return Optional.empty();
    }
}
