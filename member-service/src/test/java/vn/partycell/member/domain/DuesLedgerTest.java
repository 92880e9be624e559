package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

class DuesLedgerTest {

    private static final Instant NOW = Instant.parse("2026-05-20T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

    private final OrgUnit cell = OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, NOW)
            .state()
            .child(OrgUnitId.random(), "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, NOW)
            .state();
    private final Member member = member(LocalDate.of(2025, 3, 2));

    private Member member(LocalDate joinedOn) {
        PersonalData person = new PersonalData(
                "Nguyễn Thị Thu Hà", LocalDate.of(1985, 4, 12), Gender.FEMALE, "033185000001", null, null, null, null);
        return Member.register(
                        MemberId.random(), person, cell, null, MemberStatus.FULL, false, joinedOn, 12, "bt", NOW, TODAY)
                .state();
    }

    private DuesLedger paid(int... months) {
        DuesLedger ledger = DuesLedger.open(member, 2026);
        for (int m : months) {
            ledger = ledger.record(member, m, 50_000, LocalDate.of(2026, m, 10), null, "bt", NOW, TODAY)
                    .state();
        }
        return ledger;
    }

    @Test
    void aPaymentAppendsALineAndTheEventCarriesTheWholeYear() {
        Change<DuesLedger, DuesEvent> change =
                paid(1, 3).record(member, 2, 60_000, LocalDate.of(2026, 2, 28), "k-1", "bt", NOW, TODAY);

        DuesLedger ledger = change.state();
        assertThat(ledger.monthsPaid()).containsExactly(1, 2, 3);
        assertThat(ledger.version()).isEqualTo(3);
        assertThat(ledger.entries()).hasSize(3).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(DuesEntry.Kind.PAYMENT);
            assertThat(e.recordedBy()).isEqualTo("bt");
            assertThat(e.requestKey()).isEqualTo("k-1");
        });
        assertThat(change.events()).singleElement().isEqualTo(new DuesEvent.Recorded(ledger));
        assertThat(ledger.orgPath()).isEqualTo(cell.orgPath());
    }

    @Test
    void aSecondPaymentForAMonthIsAConflictEvenWithTheSameAmount() {
        DuesLedger ledger = paid(4);
        assertThatThrownBy(() -> ledger.record(member, 4, 50_000, LocalDate.of(2026, 4, 10), null, "bt", NOW, TODAY))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code())
                .isEqualTo("dues-already-paid");
    }

    @Test
    void badAmountsDatesAndMonthsAreNamedByField() {
        DuesLedger ledger = DuesLedger.open(member, 2026);
        assertThat(ledger.problemsOfPayment(member, 6, 50_000, LocalDate.of(2026, 5, 1), TODAY))
                .containsOnlyKeys("month", "paidOn");
        assertThat(ledger.problemsOfPayment(member, 5, 0, LocalDate.of(2026, 5, 21), TODAY))
                .containsOnlyKeys("amount", "paidOn");
        assertThat(ledger.problemsOfPayment(member, 5, -1, LocalDate.of(2026, 4, 30), TODAY))
                .containsOnlyKeys("amount", "paidOn");
        assertThat(ledger.problemsOfPayment(member, 5, DuesLedger.MAX_AMOUNT + 1, TODAY, TODAY))
                .containsOnlyKeys("amount");
        assertThat(ledger.problemsOfPayment(member, 5, DuesLedger.MAX_AMOUNT, TODAY, TODAY))
                .isEmpty();
        assertThatThrownBy(() -> ledger.record(member, 5, 0, TODAY, null, "bt", NOW, TODAY))
                .isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).facts())
                        .containsEntry("fields", Map.of("amount", "phải lớn hơn 0")));
    }

    @Test
    void noDuesBeforeTheMonthTheMemberJoinedNorForAnInactiveMember() {
        Member joinedInMarch = member(LocalDate.of(2026, 3, 15));
        DuesLedger ledger = DuesLedger.open(joinedInMarch, 2026);
        assertThat(ledger.problemsOfPayment(joinedInMarch, 2, 50_000, LocalDate.of(2026, 3, 16), TODAY))
                .containsOnlyKeys("month");
        assertThat(ledger.problemsOfPayment(joinedInMarch, 3, 50_000, LocalDate.of(2026, 3, 16), TODAY))
                .isEmpty();

        Member removed = member.remove(TODAY, "Xóa tên", "bt", NOW, TODAY).state();
        assertThat(DuesLedger.open(removed, 2026).problemsOfPayment(removed, 5, 50_000, TODAY, TODAY))
                .containsOnlyKeys("memberId");
    }

    @Test
    void aCorrectionReplacesTheAmountAndACancellationUnpaysTheMonthWhileHistoryStays() {
        DuesLedger corrected = paid(1, 2)
                .correct(member, 2, false, 70_000, LocalDate.of(2026, 2, 11), "Gõ nhầm số tiền", "bt", NOW, TODAY)
                .state();
        assertThat(corrected.payment(2)).get().extracting(DuesPayment::amount).isEqualTo(70_000L);
        assertThat(corrected.entries())
                .extracting(DuesEntry::kind)
                .containsExactly(DuesEntry.Kind.PAYMENT, DuesEntry.Kind.PAYMENT, DuesEntry.Kind.CORRECTION);
        assertThat(corrected.entries().get(1).amount()).isEqualTo(50_000L);

        DuesLedger cancelled = corrected
                .correct(member, 1, true, 0, null, "Ghi nhầm người", "bt", NOW, TODAY)
                .state();
        assertThat(cancelled.monthsPaid()).containsExactly(2);
        assertThat(cancelled.entries()).hasSize(4);
        assertThat(cancelled.version()).isEqualTo(4);

        // Once cancelled, the month may be paid again.
        assertThat(cancelled
                        .record(member, 1, 50_000, LocalDate.of(2026, 1, 20), null, "bt", NOW, TODAY)
                        .state()
                        .monthsPaid())
                .containsExactly(1, 2);
    }

    @Test
    void aCorrectionNeedsAPaymentAReasonAndAChange() {
        DuesLedger ledger = paid(1);
        assertThatThrownBy(() -> ledger.correct(member, 2, true, 0, null, "x", "bt", NOW, TODAY))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).code())
                .isEqualTo("dues-not-paid");
        assertThatThrownBy(() -> ledger.correct(member, 1, true, 0, null, " ", "bt", NOW, TODAY))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).code())
                .isEqualTo("dues-invalid");
        assertThatThrownBy(() ->
                        ledger.correct(member, 1, false, 50_000, LocalDate.of(2026, 1, 10), "x", "bt", NOW, TODAY))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((RuleViolationException) e).code())
                .isEqualTo("no-change");
    }

    @Test
    void theLedgerIdIsTheMemberAndTheYear() {
        DuesLedgerId id = new DuesLedgerId(member.id(), 2026);
        assertThat(id.toString()).isEqualTo(member.id() + ":2026");
        assertThat(DuesLedgerId.of(id.toString())).isEqualTo(id);
        assertThat(DuesLedger.open(member, 2026).orgPath())
                .isEqualTo(OrgPath.of(cell.orgPath().value()));
    }
}
