package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.DuesEntry;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.member.domain.DuesPayment;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Use cases that record party dues (đảng phí): one member's month, a cell's month sheet, and
 * corrections. The cell's secretary (SECRETARY on the cell, or a superior) writes. Each ledger is one
 * document write with its event; a bulk sheet is validated whole before anything is written, and a
 * repeated sheet (a retry, or the same Idempotency-Key) records nothing twice.
 */
@Service
public class DuesService {

    private final DuesLedgerRepository ledgers;
    private final MemberRepository members;
    private final MemberLookup lookup;
    private final OrgUnitRepository units;
    private final Clock clock;

    public DuesService(
            DuesLedgerRepository ledgers,
            MemberRepository members,
            MemberLookup lookup,
            OrgUnitRepository units,
            Clock clock) {
        this.ledgers = ledgers;
        this.members = members;
        this.lookup = lookup;
        this.units = units;
        this.clock = clock;
    }

    /** What a recording did: the ledger after it, and whether it was a replay that wrote nothing. */
    public record Recorded(DuesLedger ledger, boolean replayed) {}

    /** Records one month of one member's dues; a second payment for the month is a 409. */
    public Recorded record(Caller caller, RecordDues command) {
        Member member = members.find(command.memberId())
                .orElseThrow(() -> new NotFoundException("đảng viên", command.memberId()));
        caller.requireRole(member.orgPath(), Role.SECRETARY);
        LocalDate today = today();
        requireStarted(command.month(), today);
        int month = command.month().getMonthValue();
        DuesLedgerId id = new DuesLedgerId(member.id(), command.month().getYear());
        DuesLedger ledger = ledgers.find(id).orElseGet(() -> DuesLedger.open(member, id.year()));
        Optional<DuesEntry> last = ledger.lastEntry(month);
        if (command.requestKey() != null
                && ledger.payment(month).isPresent()
                && last.map(e -> command.requestKey().equals(e.requestKey())).orElse(false)) {
            return new Recorded(ledger, true);
        }
        Change<DuesLedger, DuesEvent> change = ledger.record(
                member,
                month,
                command.amount(),
                command.paidOn(),
                command.requestKey(),
                caller.username(),
                clock.instant(),
                today);
        ledgers.save(change, ledger.version());
        return new Recorded(change.state(), false);
    }

    /** What a cell sheet did to each row, in the order of the rows. */
    public record SheetResult(YearMonth month, List<RowResult> rows) {

        public long recorded() {
            return rows.stream().filter(r -> !r.alreadyRecorded()).count();
        }
    }

    /** {@code alreadyRecorded}: the same payment was already in the ledger (a retry), nothing written. */
    public record RowResult(MemberId memberId, boolean alreadyRecorded, long ledgerVersion) {}

    /**
     * Records a cell's month: every row names an active member of that cell, once; the whole sheet is
     * checked first (422 naming {@code rows[i].field}, or 409 naming the rows already paid
     * differently) and nothing is written unless every row passes. Reads are two queries whatever the
     * size (members and ledgers by id); then one write per ledger. A row whose payment is already in
     * the ledger, identically or under the same Idempotency-Key, is skipped, so a retry after a
     * failure half-way completes the sheet without recording anything twice.
     */
    public SheetResult recordForCell(Caller caller, RecordCellDues command) {
        OrgUnit cell =
                units.find(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.SECRETARY);
        if (!cell.isCell()) {
            throw new RuleViolationException(
                    "not-a-cell", "Đảng phí được ghi theo chi bộ; " + cell.name() + " là " + cell.kind());
        }
        LocalDate today = today();
        requireStarted(command.month(), today);
        int year = command.month().getYear();
        int month = command.month().getMonthValue();
        List<RecordCellDues.Row> rows = command.rows();

        Map<MemberId, Member> found =
                lookup.findAll(rows.stream().map(RecordCellDues.Row::memberId).toList());
        Map<DuesLedgerId, DuesLedger> stored = ledgers.findAll(
                found.keySet().stream().map(m -> new DuesLedgerId(m, year)).toList());

        Map<String, String> problems = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        Map<MemberId, Integer> firstRow = new HashMap<>();
        List<Change<DuesLedger, DuesEvent>> changes = new ArrayList<>();
        List<DuesLedger> before = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RecordCellDues.Row row = rows.get(i);
            String at = "rows[" + i + "].";
            Integer earlier = firstRow.putIfAbsent(row.memberId(), i);
            if (earlier != null) {
                problems.put(at + "memberId", "đảng viên đã có ở dòng rows[" + earlier + "]");
                continue;
            }
            Member member = found.get(row.memberId());
            if (member == null || !member.cellId().equals(cell.id())) {
                problems.put(at + "memberId", "không phải đảng viên của chi bộ " + cell.name());
                continue;
            }
            DuesLedgerId id = new DuesLedgerId(member.id(), year);
            DuesLedger ledger = stored.getOrDefault(id, DuesLedger.open(member, year));
            Optional<DuesPayment> paid = ledger.payment(month);
            if (paid.isPresent()) {
                if (isReplay(ledger, month, paid.get(), row, command.requestKey())) {
                    results.add(new RowResult(member.id(), true, ledger.version()));
                } else {
                    conflicts.add("rows[" + i + "] (" + member.person().fullName() + ")");
                }
                continue;
            }
            Map<String, String> wrong = ledger.problemsOfPayment(member, month, row.amount(), row.paidOn(), today);
            if (!wrong.isEmpty()) {
                wrong.forEach((field, message) -> problems.put(at + field, message));
                continue;
            }
            Change<DuesLedger, DuesEvent> change = ledger.record(
                    member,
                    month,
                    row.amount(),
                    row.paidOn(),
                    command.requestKey(),
                    caller.username(),
                    clock.instant(),
                    today);
            changes.add(change);
            before.add(ledger);
            results.add(new RowResult(member.id(), false, change.state().version()));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "dues-sheet-invalid",
                    "Bảng đảng phí có " + problems.size() + " lỗi; chưa dòng nào được ghi",
                    Map.of("fields", problems));
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(
                    "dues-already-paid",
                    "Đảng phí tháng " + command.month() + " đã được ghi nhận với số tiền hoặc ngày khác ở "
                            + String.join(", ", conflicts) + "; chưa dòng nào được ghi. Hãy ghi bản đính chính");
        }
        for (int i = 0; i < changes.size(); i++) {
            ledgers.save(changes.get(i), before.get(i).version());
        }
        return new SheetResult(command.month(), results);
    }

    /** Corrects or cancels a month's payment in force; the wrong line stays in the ledger. */
    public DuesLedger correct(Caller caller, CorrectDues command) {
        Member member = members.find(command.memberId())
                .orElseThrow(() -> new NotFoundException("đảng viên", command.memberId()));
        caller.requireRole(member.orgPath(), Role.SECRETARY);
        DuesLedgerId id = new DuesLedgerId(member.id(), command.month().getYear());
        DuesLedger ledger = ledgers.find(id).orElseGet(() -> DuesLedger.open(member, id.year()));
        Versions.requireCurrent(command.expectedVersion(), ledger.version(), "Sổ đảng phí");
        Change<DuesLedger, DuesEvent> change = ledger.correct(
                member,
                command.month().getMonthValue(),
                command.cancel(),
                command.amount(),
                command.paidOn(),
                command.reason(),
                caller.username(),
                clock.instant(),
                today());
        ledgers.save(change, ledger.version());
        return change.state();
    }

    private static boolean isReplay(
            DuesLedger ledger, int month, DuesPayment paid, RecordCellDues.Row row, String requestKey) {
        if (requestKey != null
                && ledger.lastEntry(month)
                        .map(e -> requestKey.equals(e.requestKey()))
                        .orElse(false)) {
            return true;
        }
        return paid.amount() == row.amount() && Objects.equals(paid.paidOn(), row.paidOn());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** A month not begun yet (Vietnamese date) is a 400 on the month, before any member is read. */
    static void requireStarted(YearMonth month, LocalDate today) {
        if (month.isAfter(YearMonth.from(today))) {
            throw new InvalidInputException("month", "tháng " + month + " chưa đến", month.toString());
        }
    }
}
