package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
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
        return Member.register(MemberId.random(), person(), in, inGroup, status, false, joined, 12, "bt", now, today)
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
                .extracting(StatusChange::kind, StatusChange::admittedAs)
                .containsExactly(StatusChangeKind.ADMISSION, MemberStatus.PROBATIONARY);
        assertThat(member.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(member.recognitionDueOn()).isEqualTo(LocalDate.of(2026, 6, 1));
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
    void aCitizenIdFollowsTheProvinceCenturyGenderAndBirthYearRules() {
        LocalDate born1990 = LocalDate.of(1990, 5, 1);
        assertThat(CitizenIds.problem("033090001234", Gender.MALE, born1990)).isEmpty();
        assertThat(CitizenIds.problem("001190001234", Gender.FEMALE, born1990)).isEmpty();
        assertThat(CitizenIds.problem("096301123456", Gender.FEMALE, LocalDate.of(2001, 2, 3)))
                .isEmpty();
        assertThat(CitizenIds.problem("000090001234", Gender.MALE, born1990))
                .hasValueSatisfying(m -> assertThat(m).contains("mã tỉnh"));
        assertThat(CitizenIds.problem("097090001234", Gender.MALE, born1990))
                .hasValueSatisfying(m -> assertThat(m).contains("001–096"));
        assertThat(CitizenIds.problem("033190001234", Gender.MALE, born1990))
                .hasValueSatisfying(m -> assertThat(m).contains("chữ số thứ 4").contains("phải là 0"));
        assertThat(CitizenIds.problem("033290001234", Gender.MALE, born1990))
                .as("2 is a man born in the 2000s")
                .isPresent();
        assertThat(CitizenIds.problem("033091001234", Gender.MALE, born1990))
                .hasValueSatisfying(m -> assertThat(m).contains("(90)"));
        assertThatThrownBy(() -> new PersonalData("A", born1990, Gender.FEMALE, "033090001234", null, null, null, null))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat((Map<String, Object>) e.facts().get("fields"))
                                .containsOnlyKeys("citizenId"));
    }

    @Test
    void theStateIsDerivedFromTheHistoryAndACorrectionVoidsALineWithoutEditingIt() {
        Member probationary = register(cell, null, MemberStatus.PROBATIONARY, LocalDate.of(2024, 12, 1));
        assertThatThrownBy(() -> probationary.recognise(LocalDate.of(2025, 11, 30), "sớm", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("recognition-too-early"));
        Member full = probationary
                .recognise(LocalDate.of(2025, 12, 1), "Công nhận chính thức", "bt", now, today)
                .state();
        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.version()).isEqualTo(2);
        assertThat(probationary.history()).hasSize(1);
        assertThatThrownBy(() -> full.recognise(LocalDate.of(2025, 12, 2), "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-probationary"));

        Member exempted = full.exempt(
                        LocalDate.of(2025, 12, 10), LocalDate.of(2026, 12, 10), "Ốm dài ngày", "bt", now, today)
                .state();
        assertThat(exempted.exempted()).isTrue();
        StatusChange exemption = exempted.history().getLast();
        Member corrected = exempted.correct(exemption.entryId(), "Ghi nhầm người", "bt", now, today)
                .state();
        assertThat(corrected.exempted()).isFalse();
        assertThat(corrected.history()).hasSize(4).contains(exemption);
        assertThatThrownBy(() -> corrected.correct(exemption.entryId(), "lần nữa", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("already-corrected"));

        Member ended = exempted.endExemption(LocalDate.of(2026, 1, 2), "Khỏi bệnh", "bt", now, today)
                .state();
        assertThatThrownBy(() -> ended.correct(exemption.entryId(), "nhầm", "bt", now, today))
                .as("the end of the exemption would end nothing")
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("correction-inconsistent"));
        assertThatThrownBy(() -> ended.correct(ended.history().getFirst().entryId(), "nhầm", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-correctable"));

        Member removed = ended.remove(LocalDate.of(2026, 1, 3), "Xóa tên", "bt", now, today)
                .state();
        assertThat(removed.status()).isEqualTo(MemberStatus.REMOVED);
        assertThat(removed.isActive()).isFalse();
        assertThatThrownBy(() -> removed.exempt(LocalDate.of(2026, 1, 4), null, "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("member-gone"));
        assertThat(removed.correct(removed.history().getLast().entryId(), "Xóa nhầm", "bt", now, today)
                        .state()
                        .status())
                .isEqualTo(MemberStatus.FULL);
    }

    @Test
    void anAttachedMemberMeetsInTheHostCellAndAMemberInTransitInNone() {
        Member full = register(cell, group, MemberStatus.FULL, LocalDate.of(2010, 1, 1));
        assertThat(full.meetingCellId()).contains(cell.id());
        assertThatThrownBy(() -> full.attach(group, LocalDate.of(2025, 1, 1), null, "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-a-cell"));
        assertThatThrownBy(() -> full.attach(cell, LocalDate.of(2025, 1, 1), null, "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("same-cell"));
        Member attached = full.attach(
                        otherCell, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30), "Đi học", "bt", now, today)
                .state();
        assertThat(attached.meetingCellId()).contains(otherCell.id());
        assertThat(attached.cellId()).isEqualTo(cell.id());
        assertThatThrownBy(() -> attached.requestTransfer(
                        otherCell, TransferKind.OFFICIAL, LocalDate.of(2025, 2, 1), null, "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attached"));
        Member home = attached.endAttachment(LocalDate.of(2025, 6, 1), "Về", "bt", now, today)
                .state();
        assertThat(home.meetingCellId()).contains(cell.id());

        Member inTransit = home.requestTransfer(
                        otherCell,
                        TransferKind.OFFICIAL,
                        LocalDate.of(2025, 7, 1),
                        null,
                        "Chuyển công tác",
                        "bt",
                        now,
                        today)
                .state();
        assertThat(inTransit.meetingCellId()).isEmpty();
        assertThat(inTransit.isActive()).isTrue();
        UUID transferId = inTransit.pendingTransfer().orElseThrow().entryId();
        assertThatThrownBy(() -> inTransit.exempt(LocalDate.of(2025, 7, 2), null, "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("in-transit"));
        assertThatThrownBy(() -> inTransit.answerTransfer(
                        UUID.randomUUID(), true, otherCell, LocalDate.of(2025, 7, 3), "x", "bt2", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("no-such-transfer"));

        Member refused = inTransit
                .answerTransfer(
                        transferId, false, otherCell, LocalDate.of(2025, 7, 3), "Không đủ hồ sơ", "bt2", now, today)
                .state();
        assertThat(refused.meetingCellId()).contains(cell.id());
        Member moved = inTransit
                .answerTransfer(transferId, true, otherCell, LocalDate.of(2025, 7, 3), "Tiếp nhận", "bt2", now, today)
                .state();
        assertThat(moved.cellId()).isEqualTo(otherCell.id());
        assertThat(moved.orgPath()).isEqualTo(otherCell.orgPath());
        assertThat(moved.partyGroupId()).isNull();
        assertThat(moved.meetingCellId()).contains(otherCell.id());

        Member temporary = home.requestTransfer(
                        otherCell,
                        TransferKind.TEMPORARY,
                        LocalDate.of(2025, 7, 1),
                        LocalDate.of(2026, 7, 1),
                        "Đi học",
                        "bt",
                        now,
                        today)
                .state();
        Member meetsThere = temporary
                .answerTransfer(
                        temporary.pendingTransfer().orElseThrow().entryId(),
                        true,
                        otherCell,
                        LocalDate.of(2025, 7, 2),
                        "Đồng ý",
                        "bt2",
                        now,
                        today)
                .state();
        assertThat(meetsThere.cellId()).isEqualTo(cell.id());
        assertThat(meetsThere.meetingCellId()).contains(otherCell.id());
    }

    @Test
    void anExpulsionIsADisciplineDecisionThatAlsoEndsTheMembershipAndACorrectionUndoesBoth() {
        Member full = register(cell, null, MemberStatus.FULL, LocalDate.of(2010, 1, 1));
        assertThatThrownBy(() -> full.decideDiscipline(
                        DisciplineKind.WARNING, LocalDate.of(2025, 5, 1), "Chi bộ", "x", 2026, "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat((Map<String, Object>) e.facts().get("fields"))
                                .containsOnlyKeys("year"));
        Change<Member, MemberEvent> expelled = full.decideDiscipline(
                DisciplineKind.EXPULSION, LocalDate.of(2025, 12, 20), "Huyện ủy", "Vi phạm", 2025, "ht", now, today);
        Member out = expelled.state();
        assertThat(out.status()).isEqualTo(MemberStatus.EXPELLED);
        assertThat(out.version()).isEqualTo(2);
        DisciplineDecision decision = out.discipline().getFirst();
        assertThat(expelled.events())
                .containsExactly(new MemberEvent.DisciplineDecided(out, decision, false), new MemberEvent.Updated(out));
        assertThatThrownBy(() -> out.correct(out.history().getLast().entryId(), "x", "bt", now, today))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("not-correctable"));

        Change<Member, MemberEvent> annulled =
                out.correct(decision.decisionId(), "Quyết định bị hủy", "ht", now, today);
        assertThat(annulled.state().status()).isEqualTo(MemberStatus.FULL);
        assertThat(annulled.state().discipline()).containsExactly(decision);
        assertThat(annulled.events())
                .containsExactly(
                        new MemberEvent.DisciplineDecided(annulled.state(), decision, true),
                        new MemberEvent.Updated(annulled.state()));
    }

    @Test
    void anIdentityCorrectionKeepsTheFormerIdentity() {
        Member member = register(cell, null, MemberStatus.FULL, LocalDate.of(2010, 1, 1));
        PersonalData fixed = new PersonalData(
                "Trần Văn Mạnh",
                LocalDate.of(1990, 5, 1),
                Gender.MALE,
                "033090009999",
                "HY-0001",
                "0912345678",
                "minh@example.vn",
                "Văn Lâm",
                new Residence("Thôn Đình Dù", "Chi bộ thôn Đình Dù", null));
        Member corrected =
                member.correctIdentity(fixed, "Sai tên khi nhập", "bt", now).state();
        assertThat(corrected.person()).isEqualTo(fixed);
        assertThat(corrected.identityCorrections())
                .singleElement()
                .satisfies(c -> assertThat(c.before()).isEqualTo(member.person()));
        assertThatThrownBy(() -> corrected.correctIdentity(fixed, "x", "bt", now))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("no-change"));
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
                12,
                "bt",
                now,
                today);
        assertThat(registered.events()).containsExactly(new MemberEvent.Registered(registered.state()));

        Change<Member, MemberEvent> recognised =
                registered.state().recognise(LocalDate.of(2025, 12, 1), "Công nhận chính thức", "bt", now, today);
        assertThat(recognised.events()).containsExactly(new MemberEvent.Updated(recognised.state()));
        assertThat(recognised.events().getFirst().member().version()).isEqualTo(2);
        assertThat(recognised.events().getFirst().member().status()).isEqualTo(MemberStatus.FULL);
    }
}
