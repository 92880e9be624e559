package vn.partycell.member.application;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.member.domain.DuesPayment;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Reads of party dues: a member's year (the member themself, or the cell's secretary and above), a
 * cell's month sheet and the cell's members with unpaid months (the secretary and above). A cell's
 * reads are two queries by indexed keys (the cell's members, then their ledgers by id), so they grow
 * with the cell, not with the province.
 */
@Service
public class DuesQueries {

    private static final Comparator<Member> BY_NAME = Comparator.comparing(
            (Member m) -> m.person().fullName(), Collator.getInstance(Locale.forLanguageTag("vi")));

    private final DuesLedgerRepository ledgers;
    private final MemberRepository members;
    private final MemberLookup lookup;
    private final OrgUnitRepository units;
    private final DuesPolicy policy;
    private final Clock clock;

    public DuesQueries(
            DuesLedgerRepository ledgers,
            MemberRepository members,
            MemberLookup lookup,
            OrgUnitRepository units,
            DuesPolicy policy,
            Clock clock) {
        this.ledgers = ledgers;
        this.members = members;
        this.lookup = lookup;
        this.units = units;
        this.policy = policy;
        this.clock = clock;
    }

    /** A member's ledger of a year (empty, version 0, when nothing is recorded). */
    public DuesLedger ofMember(Caller caller, MemberId id, int year) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        if (!caller.isMember(id.value())) {
            caller.requireRole(member.orgPath(), Role.SECRETARY);
        }
        requireYear(year);
        return ledgers.find(new DuesLedgerId(id, year)).orElseGet(() -> DuesLedger.open(member, year));
    }

    /** One line of a month sheet: an active member and the month's payment, if any. */
    public record SheetLine(Member member, Optional<DuesPayment> payment) {}

    public record MonthSheet(OrgUnit cell, YearMonth month, List<SheetLine> lines) {}

    /** Every active member of the cell, by name, with what they paid for the month. */
    public MonthSheet monthSheet(Caller caller, OrgUnitId cellId, YearMonth month) {
        OrgUnit cell = cellFor(caller, cellId);
        requireYear(month.getYear());
        List<Member> active = activeIn(cell);
        Map<DuesLedgerId, DuesLedger> stored = ledgersOf(active, month.getYear());
        List<SheetLine> lines = active.stream()
                .map(m -> new SheetLine(
                        m,
                        Optional.ofNullable(stored.get(new DuesLedgerId(m.id(), month.getYear())))
                                .flatMap(l -> l.payment(month.getMonthValue()))))
                .toList();
        return new MonthSheet(cell, month, lines);
    }

    /**
     * An active member with months of the year that have ended, fall after the month they joined,
     * and are unpaid; {@code warning} from the policy's number of months.
     */
    public record MissingDues(Member member, List<Integer> unpaidMonths, boolean warning) {}

    public record MissingList(OrgUnit cell, int year, int warningFrom, List<MissingDues> members) {}

    /**
     * The cell's active members with unpaid months in the year. A month counts once it has ended
     * (Vietnamese date): the current month is still open.
     */
    public MissingList missing(Caller caller, OrgUnitId cellId, int year) {
        OrgUnit cell = cellFor(caller, cellId);
        requireYear(year);
        YearMonth current = YearMonth.from(today());
        int warningFrom = policy.warningUnpaidMonths(year);
        List<Member> active = activeIn(cell);
        Map<DuesLedgerId, DuesLedger> stored = ledgersOf(active, year);
        List<MissingDues> missing = new ArrayList<>();
        for (Member m : active) {
            DuesLedger ledger = stored.getOrDefault(new DuesLedgerId(m.id(), year), DuesLedger.open(m, year));
            YearMonth joined = YearMonth.from(m.joinedOn());
            List<Integer> unpaid = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(year, month);
                if (ym.isBefore(current)
                        && !ym.isBefore(joined)
                        && ledger.payment(month).isEmpty()) {
                    unpaid.add(month);
                }
            }
            if (!unpaid.isEmpty()) {
                missing.add(new MissingDues(m, List.copyOf(unpaid), unpaid.size() >= warningFrom));
            }
        }
        return new MissingList(cell, year, warningFrom, missing);
    }

    private OrgUnit cellFor(Caller caller, OrgUnitId cellId) {
        OrgUnit cell = units.find(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRole(cell.orgPath(), Role.SECRETARY);
        return cell;
    }

    private List<Member> activeIn(OrgUnit cell) {
        return lookup.inCell(cell.id()).stream()
                .filter(Member::isActive)
                .sorted(BY_NAME)
                .toList();
    }

    private Map<DuesLedgerId, DuesLedger> ledgersOf(List<Member> active, int year) {
        return ledgers.findAll(
                active.stream().map(m -> new DuesLedgerId(m.id(), year)).toList());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** Dues are kept from the Party's founding year up to the current year. */
    private void requireYear(int year) {
        if (year < 1930 || year > today().getYear()) {
            throw new InvalidInputException("year", "năm phải từ 1930 đến năm hiện tại", year);
        }
    }
}
