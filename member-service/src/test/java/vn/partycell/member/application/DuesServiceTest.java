package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** DuesService and DuesQueries against in-memory ports: no Spring, no store, no broker. */
@SuppressWarnings("unchecked")
class DuesServiceTest {

    /** 18:00 UTC on 30 April is already 01:00 on 1 May in Hanoi: May has begun. */
    private static final Instant NOW = Instant.parse("2026-04-30T18:00:00Z");

    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryMemberLookup lookup = new InMemoryMemberLookup(members);
    private final InMemoryDuesLedgerRepository ledgers = new InMemoryDuesLedgerRepository();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final DuesPolicy policy = new DuesPolicy(
            new DuesPolicy.YearPolicy(new DuesPolicy.Dues(2)),
            Map.of(2025, new DuesPolicy.YearPolicy(new DuesPolicy.Dues(3))));
    private final DuesService service = new DuesService(ledgers, members, lookup, units, clock);
    private final DuesQueries queries = new DuesQueries(ledgers, members, lookup, units, policy, clock);
    private final MemberService memberService = new MemberService(
            members,
            units,
            new MembershipPolicy(new MembershipPolicy.YearPolicy(new MembershipPolicy.Probation(12, 30)), Map.of()),
            clock);

    private final OrgUnit province =
            units.given(OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, NOW));
    private final OrgUnit cell =
            units.given(province.child(OrgUnitId.random(), "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, NOW));
    private final OrgUnit otherCell =
            units.given(province.child(OrgUnitId.random(), "cb-02", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, NOW));
    private final Caller secretary = caller(cell, Role.SECRETARY);

    private int citizen;

    private static Caller caller(OrgUnit at, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(at.orgPath(), role)));
    }

    private Member member(OrgUnit in, String name, LocalDate joinedOn) {
        PersonalData person = new PersonalData(
                name,
                LocalDate.of(1985, 4, 12),
                Gender.FEMALE,
                String.format("0331850%05d", ++citizen),
                null,
                null,
                null,
                null);
        return memberService.register(
                caller(in, Role.SECRETARY),
                new RegisterMember(person, in.id(), null, MemberStatus.FULL, false, joinedOn));
    }

    private Member member(String name) {
        return member(cell, name, LocalDate.of(2020, 1, 6));
    }

    private static Map<String, Object> fields(Throwable e) {
        return (Map<String, Object>) ((RuleViolationException) e).facts().get("fields");
    }

    private static RecordCellDues.Row row(Member m, long amount, LocalDate paidOn) {
        return new RecordCellDues.Row(m.id(), amount, paidOn);
    }

    @Test
    void aSecretaryRecordsAMonthAndASecondPaymentIsRefused() {
        Member ha = member("Nguyễn Thị Thu Hà");
        DuesService.Recorded first =
                service.record(secretary, new RecordDues(ha.id(), MAY, 50_000, LocalDate.of(2026, 5, 1), null));

        assertThat(first.replayed()).isFalse();
        assertThat(first.ledger().monthsPaid()).containsExactly(5);
        assertThat(ledgers.events()).singleElement().isInstanceOf(DuesEvent.Recorded.class);
        assertThatThrownBy(() ->
                        service.record(secretary, new RecordDues(ha.id(), MAY, 50_000, LocalDate.of(2026, 5, 1), null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("đính chính");
        assertThat(ledgers.events()).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyReturnsWhatWasRecordedWithoutWritingAgain() {
        Member ha = member("Nguyễn Thị Thu Hà");
        RecordDues once = new RecordDues(ha.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), "req-7");
        service.record(secretary, once);
        DuesService.Recorded again = service.record(secretary, once);

        assertThat(again.replayed()).isTrue();
        assertThat(again.ledger().version()).isEqualTo(1);
        assertThat(ledgers.writes).isEqualTo(1);
        assertThatThrownBy(() -> service.record(
                        secretary, new RecordDues(ha.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), "req-8")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aPlainMemberCannotRecordAndAnotherCellsSecretaryDoesNotSeeTheMember() {
        Member ha = member("Nguyễn Thị Thu Hà");
        RecordDues command = new RecordDues(ha.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), null);
        assertThatThrownBy(() -> service.record(caller(cell, Role.MEMBER), command))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.record(caller(otherCell, Role.SECRETARY), command))
                .isInstanceOf(NotFoundException.class);
        assertThat(ledgers.writes).isZero();
    }

    @Test
    void aMonthNotBegunIsA400OnTheMonth() {
        Member ha = member("Nguyễn Thị Thu Hà");
        assertThatThrownBy(() -> service.record(
                        secretary,
                        new RecordDues(ha.id(), YearMonth.of(2026, 6), 50_000, LocalDate.of(2026, 5, 1), null)))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("month");
    }

    @Test
    void aSheetOfSixtyIsReadInTwoQueriesAndWrittenOnceALedger() {
        List<Member> sixty =
                IntStream.range(0, 60).mapToObj(i -> member("Đảng viên " + i)).toList();
        lookup.reads = 0;
        ledgers.reads = 0;

        DuesService.SheetResult result = service.recordForCell(
                secretary,
                new RecordCellDues(
                        cell.id(),
                        APRIL,
                        sixty.stream()
                                .map(m -> row(m, 50_000, LocalDate.of(2026, 4, 20)))
                                .toList(),
                        null));

        assertThat(result.recorded()).isEqualTo(60);
        assertThat(lookup.reads).isEqualTo(1);
        assertThat(ledgers.reads).isEqualTo(1);
        assertThat(ledgers.writes).isEqualTo(60);
        assertThat(ledgers.events()).hasSize(60);
    }

    @Test
    void oneBadRowNamesTheRowAndFieldAndNothingIsWritten() {
        Member ha = member("Nguyễn Thị Thu Hà");
        Member lan = member("Trần Thị Lan");
        Member outsider = member(otherCell, "Lê Văn Nam", LocalDate.of(2020, 1, 6));
        List<RecordCellDues.Row> rows = List.of(
                row(ha, 50_000, LocalDate.of(2026, 4, 20)),
                row(lan, 50_000, LocalDate.of(2026, 3, 31)),
                row(outsider, 50_000, LocalDate.of(2026, 4, 20)),
                row(ha, 50_000, LocalDate.of(2026, 4, 20)),
                new RecordCellDues.Row(MemberId.random(), 50_000, LocalDate.of(2026, 4, 20)));

        assertThatThrownBy(() -> service.recordForCell(secretary, new RecordCellDues(cell.id(), APRIL, rows, null)))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(fields(e))
                        .containsOnlyKeys(
                                "rows[1].paidOn", "rows[2].memberId", "rows[3].memberId", "rows[4].memberId"));
        assertThat(ledgers.writes).isZero();
        assertThat(ledgers.events()).isEmpty();
    }

    @Test
    void anInactiveMemberOfTheCellIsARowError() {
        Member ha = member("Nguyễn Thị Thu Hà");
        memberService.recordDeath(secretary, ha.id(), null, LocalDate.of(2026, 4, 2), "Từ trần");
        assertThatThrownBy(() -> service.recordForCell(
                        secretary,
                        new RecordCellDues(cell.id(), APRIL, List.of(row(ha, 50_000, LocalDate.of(2026, 4, 1))), null)))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(fields(e)).containsOnlyKeys("rows[0].memberId"));
    }

    @Test
    void aRetryAfterAFailureHalfWayCompletesTheSheetWithoutRecordingTwice() {
        List<Member> ten =
                IntStream.range(0, 10).mapToObj(i -> member("Đảng viên " + i)).toList();
        RecordCellDues sheet = new RecordCellDues(
                cell.id(),
                APRIL,
                ten.stream().map(m -> row(m, 50_000, LocalDate.of(2026, 4, 20))).toList(),
                null);
        ledgers.failOnWrite = 5;
        assertThatThrownBy(() -> service.recordForCell(secretary, sheet)).isInstanceOf(IllegalStateException.class);
        assertThat(ledgers.writes).isEqualTo(4);

        DuesService.SheetResult retry = service.recordForCell(secretary, sheet);
        assertThat(retry.recorded()).isEqualTo(6);
        assertThat(retry.rows())
                .filteredOn(DuesService.RowResult::alreadyRecorded)
                .hasSize(4);
        DuesService.SheetResult third = service.recordForCell(secretary, sheet);
        assertThat(third.recorded()).isZero();
        assertThat(ledgers.events()).hasSize(10);
        ten.forEach(m ->
                assertThat(queries.ofMember(secretary, m.id(), 2026).entries()).hasSize(1));
    }

    @Test
    void theSameKeyReplaysASheetButDifferentRowsForPaidMonthsAreA409AndWriteNothing() {
        Member ha = member("Nguyễn Thị Thu Hà");
        Member lan = member("Trần Thị Lan");
        service.recordForCell(
                secretary,
                new RecordCellDues(cell.id(), APRIL, List.of(row(ha, 50_000, LocalDate.of(2026, 4, 20))), "sheet-1"));

        // Same key: the replayed row is skipped even if the client re-derived the date differently.
        DuesService.SheetResult replay = service.recordForCell(
                secretary,
                new RecordCellDues(
                        cell.id(),
                        APRIL,
                        List.of(
                                row(ha, 50_000, LocalDate.of(2026, 4, 21)),
                                row(lan, 60_000, LocalDate.of(2026, 4, 21))),
                        "sheet-1"));
        assertThat(replay.recorded()).isEqualTo(1);

        int writes = ledgers.writes;
        Member nam = member("Lê Văn Nam");
        assertThatThrownBy(() -> service.recordForCell(
                        secretary,
                        new RecordCellDues(
                                cell.id(),
                                APRIL,
                                List.of(
                                        row(nam, 50_000, LocalDate.of(2026, 4, 21)),
                                        row(lan, 70_000, LocalDate.of(2026, 4, 21))),
                                null)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("rows[1]");
        assertThat(ledgers.writes).isEqualTo(writes);
    }

    @Test
    void aSheetIsForACellOnly() {
        assertThatThrownBy(() -> service.recordForCell(
                        caller(province, Role.SUPERIOR), new RecordCellDues(province.id(), APRIL, List.of(), null)))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).code())
                .isEqualTo("not-a-cell");
    }

    @Test
    void aCorrectionKeepsTheWrongLineAndAStaleVersionIsAConflict() {
        Member ha = member("Nguyễn Thị Thu Hà");
        service.record(secretary, new RecordDues(ha.id(), APRIL, 500_000, LocalDate.of(2026, 4, 9), null));
        DuesLedger corrected = service.correct(
                secretary,
                new CorrectDues(ha.id(), APRIL, false, 50_000, LocalDate.of(2026, 4, 9), "Thừa một chữ số 0", 1L));
        assertThat(corrected.payment(4))
                .get()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(50_000));
        assertThat(corrected.entries()).hasSize(2);
        assertThat(ledgers.events()).hasSize(2);
        assertThatThrownBy(() ->
                        service.correct(secretary, new CorrectDues(ha.id(), APRIL, true, 0, null, "Ghi nhầm", 1L)))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("stale-version");
    }

    @Test
    void aMemberReadsTheirOwnYearButNotAColleaguesAndTheSecretaryReadsBoth() {
        Member ha = member("Nguyễn Thị Thu Hà");
        Member lan = member("Trần Thị Lan");
        Caller haHerself =
                new Caller("ha", Optional.of(ha.id().value()), List.of(new Grant(cell.orgPath(), Role.MEMBER)));
        service.record(secretary, new RecordDues(ha.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), null));

        assertThat(queries.ofMember(haHerself, ha.id(), 2026).monthsPaid()).containsExactly(4);
        assertThatThrownBy(() -> queries.ofMember(haHerself, lan.id(), 2026)).isInstanceOf(ForbiddenException.class);
        assertThat(queries.ofMember(secretary, lan.id(), 2026).version()).isZero();
        assertThatThrownBy(() -> queries.ofMember(caller(otherCell, Role.SECRETARY), ha.id(), 2026))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.ofMember(secretary, ha.id(), 2027)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theMonthSheetListsEveryActiveMemberPaidOrNot() {
        Member ha = member("Nguyễn Thị Thu Hà");
        Member an = member("Lê Văn An");
        Member gone = member("Phạm Văn Bình");
        memberService.remove(secretary, gone.id(), null, LocalDate.of(2026, 4, 2), "Xóa tên");
        service.record(secretary, new RecordDues(ha.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), null));

        DuesQueries.MonthSheet sheet = queries.monthSheet(secretary, cell.id(), APRIL);

        assertThat(sheet.lines()).extracting(l -> l.member().id()).containsExactly(an.id(), ha.id());
        assertThat(sheet.lines().get(1).payment())
                .get()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(50_000));
        assertThat(sheet.lines().get(0).payment()).isEmpty();
        assertThatThrownBy(() -> queries.monthSheet(caller(cell, Role.MEMBER), cell.id(), APRIL))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theMissingListCountsEndedMonthsFromJoiningAndWarnsFromThePolicysNumber() {
        Member ha = member("Nguyễn Thị Thu Hà");
        Member lan = member(cell, "Trần Thị Lan", LocalDate.of(2026, 3, 15));
        Member an = member("Lê Văn An");
        for (int m = 1; m <= 4; m++) {
            service.record(
                    secretary, new RecordDues(an.id(), YearMonth.of(2026, m), 50_000, LocalDate.of(2026, m, 9), null));
        }
        service.record(
                secretary, new RecordDues(ha.id(), YearMonth.of(2026, 1), 50_000, LocalDate.of(2026, 1, 9), null));
        service.record(secretary, new RecordDues(lan.id(), APRIL, 50_000, LocalDate.of(2026, 4, 9), null));

        DuesQueries.MissingList list = queries.missing(secretary, cell.id(), 2026);

        assertThat(list.warningFrom()).isEqualTo(2);
        // May is still open; Lan joined in March; An paid every ended month.
        assertThat(list.members()).extracting(m -> m.member().id()).containsExactly(ha.id(), lan.id());
        assertThat(list.members().get(0).unpaidMonths()).containsExactly(2, 3, 4);
        assertThat(list.members().get(0).warning()).isTrue();
        assertThat(list.members().get(1).unpaidMonths()).containsExactly(3);
        assertThat(list.members().get(1).warning()).isFalse();

        // 2025 is over and its policy flags from 3 months.
        DuesQueries.MissingList lastYear = queries.missing(secretary, cell.id(), 2025);
        assertThat(lastYear.warningFrom()).isEqualTo(3);
        assertThat(lastYear.members()).extracting(m -> m.member().id()).containsExactlyInAnyOrder(ha.id(), an.id());
        assertThat(lastYear.members().get(0).unpaidMonths()).hasSize(12);
    }

    @Test
    void aSheetWithManyRowsStillWritesOnlyWhatIsNew() {
        List<Member> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(member("Đảng viên " + i));
        }
        service.record(secretary, new RecordDues(five.get(2).id(), APRIL, 50_000, LocalDate.of(2026, 4, 20), null));
        DuesService.SheetResult result = service.recordForCell(
                secretary,
                new RecordCellDues(
                        cell.id(),
                        APRIL,
                        five.stream()
                                .map(m -> row(m, 50_000, LocalDate.of(2026, 4, 20)))
                                .toList(),
                        null));
        assertThat(result.recorded()).isEqualTo(4);
        assertThat(result.rows().get(2).alreadyRecorded()).isTrue();
        assertThat(ledgers.events()).hasSize(5);
    }
}
