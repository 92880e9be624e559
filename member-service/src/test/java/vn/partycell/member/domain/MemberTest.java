package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.RuleViolationException;

@SuppressWarnings("unchecked")
class MemberTest {

    private final Instant now = Instant.parse("2026-01-05T02:00:00Z");
    private final LocalDate today = LocalDate.of(2026, 1, 5);
    private final OrgUnit province = OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, now)
            .state();
    private final OrgUnit cell = province.child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, now)
            .state();
    private final OrgUnit group = cell.child(OrgUnitId.random(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now)
            .state();
    private final OrgUnit otherCell = province.child(OrgUnitId.random(), "cb-02", "Chi bộ 2", OrgUnitKind.CELL, now)
            .state();
    private final OrgUnit otherGroup = otherCell
            .child(OrgUnitId.random(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now)
            .state();

    private PersonalData person() {
        return new PersonalData(
                "  Trần   Văn Minh ",
                LocalDate.of(1990, 5, 1),
                Gender.MALE,
                "033090001234",
                null,
                "0912345678",
                "minh@example.vn",
                "Văn Lâm");
    }

    private Member register(OrgUnit in, OrgUnit inGroup, MemberStatus status, LocalDate joined) {
        return Member.register(MemberId.random(), person(), in, inGroup, status, false, joined, "bt", now, today)
                .state();
    }

    @Test
    void registrationTakesTheCellPathAndStartsTheHistory() {
        Member member = register(cell, group, MemberStatus.PROBATIONARY, LocalDate.of(2025, 6, 1));
        assertThat(member.orgPath()).isEqualTo(cell.orgPath());
        assertThat(member.partyGroupId()).isEqualTo(group.id());
        assertThat(member.person().fullName()).isEqualTo("Trần Văn Minh");
        assertThat(member.history())
                .singleElement()
                .extracting(StatusChange::status)
                .isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(member.version()).isEqualTo(1);
    }

    @Test
    void registrationRefusesEveryWrongPlaceAndDateAtOnce() {
        assertThatThrownBy(() -> register(province, otherGroup, MemberStatus.REMOVED, LocalDate.of(2027, 1, 1)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat((Map<String, Object>) e.facts().get("fields"))
                                .containsOnlyKeys("cellId", "partyGroupId", "status", "joinedOn"));
    }

    @Test
    void aCitizenIdHasTwelveDigits() {
        assertThatThrownBy(() -> new PersonalData(
                        "A", LocalDate.of(1990, 1, 1), Gender.MALE, "12345678901", null, null, null, null))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("12");
    }

    @Test
    void statusChangesAppendHistoryAndNeverGoBack() {
        Member probationary = register(cell, null, MemberStatus.PROBATIONARY, LocalDate.of(2024, 12, 1));
        Member full = probationary
                .changeStatus(MemberStatus.FULL, false, LocalDate.of(2025, 12, 1), "Công nhận chính thức", "bt", now)
                .state();
        assertThat(full.history()).hasSize(2);
        assertThat(full.version()).isEqualTo(2);
        assertThat(probationary.history()).hasSize(1);
        assertThatThrownBy(() -> full.changeStatus(
                        MemberStatus.PROBATIONARY, false, LocalDate.of(2025, 12, 2), "nhầm", "bt", now))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> full.changeStatus(MemberStatus.FULL, false, LocalDate.of(2025, 12, 2), "x", "bt", now))
                .isInstanceOf(RuleViolationException.class);
        Member exempted = full.changeStatus(
                        MemberStatus.FULL, true, LocalDate.of(2026, 1, 1), "Tuổi cao, sức yếu", "bt", now)
                .state();
        assertThat(exempted.exempted()).isTrue();
        Member removed = exempted.changeStatus(
                        MemberStatus.REMOVED, true, LocalDate.of(2026, 1, 2), "Xóa tên", "bt", now)
                .state();
        assertThatThrownBy(
                        () -> removed.changeStatus(MemberStatus.FULL, false, LocalDate.of(2026, 1, 3), "x", "bt", now))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void theMemberDecidesItsEventsRegisteredThenUpdatedWithTheNewSnapshot() {
        Change<Member, MemberEvent> registered = Member.register(
                MemberId.random(),
                person(),
                cell,
                null,
                MemberStatus.PROBATIONARY,
                false,
                LocalDate.of(2024, 12, 1),
                "bt",
                now,
                today);
        assertThat(registered.events()).containsExactly(new MemberEvent.Registered(registered.state()));

        Change<Member, MemberEvent> recognised = registered
                .state()
                .changeStatus(MemberStatus.FULL, false, LocalDate.of(2025, 12, 1), "Công nhận chính thức", "bt", now);
        assertThat(recognised.events()).containsExactly(new MemberEvent.Updated(recognised.state()));
        assertThat(recognised.events().getFirst().member().version()).isEqualTo(2);
        assertThat(recognised.events().getFirst().member().status()).isEqualTo(MemberStatus.FULL);
    }
}
