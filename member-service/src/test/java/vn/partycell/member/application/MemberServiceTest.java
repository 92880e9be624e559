package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.DisciplineKind;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.TransferKind;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** MemberService against in-memory ports: no Spring, no store, no broker. */
class MemberServiceTest {

    /** 18:00 UTC on 4 January is already 01:00 on 5 January in Hanoi. */
    private static final Instant NOW = Instant.parse("2026-01-04T18:00:00Z");

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final MembershipPolicy policy = new MembershipPolicy(
            new MembershipPolicy.YearPolicy(new MembershipPolicy.Probation(12, 30)),
            Map.of(2023, new MembershipPolicy.YearPolicy(new MembershipPolicy.Probation(18, null))));
    private final MemberService service =
            new MemberService(members, units, policy, Clock.fixed(NOW, java.time.ZoneOffset.UTC));

    private final OrgUnit province =
            units.given(OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, NOW));
    private final OrgUnit cell =
            units.given(province.child(OrgUnitId.random(), "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, NOW));
    private final OrgUnit group =
            units.given(cell.child(OrgUnitId.random(), "to-1", "Tổ đảng 1", OrgUnitKind.PARTY_GROUP, NOW));
    private final OrgUnit otherCell =
            units.given(province.child(OrgUnitId.random(), "cb-02", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, NOW));

    private static Caller caller(OrgUnit at, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(at.orgPath(), role)));
    }

    private static RegisterMember command(OrgUnit in, OrgUnit inGroup, String citizenId, LocalDate joinedOn) {
        PersonalData person = new PersonalData(
                "Nguyễn Thị Thu Hà",
                LocalDate.of(1985, 4, 12),
                Gender.FEMALE,
                citizenId,
                null,
                "0912345678",
                "ha.nguyen@example.vn",
                "Văn Lâm");
        return new RegisterMember(
                person, in.id(), inGroup == null ? null : inGroup.id(), MemberStatus.PROBATIONARY, false, joinedOn);
    }

    private Member registered() {
        return service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033185000001", LocalDate.of(2025, 3, 2)));
    }

    @Test
    void aSecretaryRegistersAMemberAndTheMembersRegisteredEventIsStoredWithIt() {
        Member member = service.register(
                caller(cell, Role.SECRETARY), command(cell, group, "033185000001", LocalDate.of(2025, 3, 2)));

        assertThat(members.find(member.id())).contains(member);
        assertThat(member.orgPath()).isEqualTo(cell.orgPath());
        assertThat(member.partyGroupId()).isEqualTo(group.id());
        assertThat(member.history())
                .singleElement()
                .satisfies(h -> assertThat(h.recordedBy()).isEqualTo("u-SECRETARY"));
        assertThat(members.events()).containsExactly(new MemberEvent.Registered(member));
    }

    @Test
    void onlyASecretaryOrAboveOfTheCellRegistersAndARefusalStoresNothing() {
        for (Role weak : List.of(Role.MEMBER, Role.COMMITTEE)) {
            assertThatThrownBy(() -> service.register(
                            caller(cell, weak), command(cell, null, "033185000001", LocalDate.of(2025, 3, 2))))
                    .isInstanceOf(ForbiddenException.class);
        }
        // Out of scope is refused too (403 today; 404 once writes hide what is out of scope).
        assertThatThrownBy(() -> service.register(
                        caller(otherCell, Role.SECRETARY),
                        command(cell, null, "033185000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOfAny(ForbiddenException.class, NotFoundException.class);
        assertThat(members.size()).isZero();
        assertThat(members.events()).isEmpty();

        Member bySuperior = service.register(
                caller(province, Role.SUPERIOR), command(cell, null, "033185000002", LocalDate.of(2025, 3, 2)));
        assertThat(members.find(bySuperior.id())).isPresent();
    }

    @Test
    void anUnknownCellOrPartyGroupIsNotFoundAndNothingIsStored() {
        OrgUnit nowhere = cell.child(OrgUnitId.random(), "to-9", "Tổ chưa lưu", OrgUnitKind.PARTY_GROUP, NOW)
                .state();
        Caller secretary = caller(cell, Role.SECRETARY);
        assertThatThrownBy(() -> service.register(
                        secretary,
                        new RegisterMember(
                                command(cell, null, "033185000001", LocalDate.of(2025, 3, 2))
                                        .person(),
                                OrgUnitId.random(),
                                null,
                                MemberStatus.FULL,
                                false,
                                LocalDate.of(2025, 3, 2))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("chi bộ");
        assertThatThrownBy(() ->
                        service.register(secretary, command(cell, nowhere, "033185000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("tổ đảng");
        assertThat(members.events()).isEmpty();
    }

    @Test
    void aWrongPlaceIsRefusedByTheDomainAndStoresNothing() {
        assertThatThrownBy(() -> service.register(
                        caller(province, Role.SUPERIOR),
                        command(otherCell, group, "033185000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOf(RuleViolationException.class);
        assertThat(members.size()).isZero();
    }

    @Test
    void todayIsTheDateInHanoiNotInUtc() {
        // In UTC it is still 4 January, so a member joining on 5 January would be "in the future".
        Member joinedToday = service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033185000001", LocalDate.of(2026, 1, 5)));
        assertThat(joinedToday.joinedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> service.register(
                        caller(cell, Role.SECRETARY), command(cell, null, "033185000002", LocalDate.of(2026, 1, 6))))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aRecognitionStoresTheNewStateWithItsUpdatedEventOnlyAfterThePolicysMonths() {
        Member early = registered();
        assertThatThrownBy(() -> service.recognise(
                        caller(cell, Role.SECRETARY), early.id(), 1L, LocalDate.of(2026, 1, 2), "Công nhận"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("recognition-too-early"));
        Member member = service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033185000002", LocalDate.of(2024, 12, 1)));
        Member full = service.recognise(
                caller(cell, Role.SECRETARY),
                member.id(),
                1L,
                LocalDate.of(2026, 1, 2),
                "Công nhận đảng viên chính thức");

        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.version()).isEqualTo(2);
        assertThat(members.find(member.id())).contains(full);
        assertThat(members.events())
                .containsExactly(
                        new MemberEvent.Registered(early),
                        new MemberEvent.Registered(member),
                        new MemberEvent.Updated(full));
    }

    @Test
    void theProbationMonthsAreTheAdmissionYearsPolicy() {
        Member in2023 = service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033185000003", LocalDate.of(2023, 3, 1)));
        assertThat(in2023.recognitionDueOn()).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(registered().recognitionDueOn()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void aStaleVersionIsA409AndChangesNothing() {
        Member member = registered();
        Caller secretary = caller(cell, Role.SECRETARY);
        service.exempt(secretary, member.id(), 1L, LocalDate.of(2026, 1, 2), null, "Ốm dài ngày");

        assertThatThrownBy(() -> service.remove(secretary, member.id(), 1L, LocalDate.of(2026, 1, 3), "Xóa tên"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThat(members.find(member.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(members.events()).hasSize(2);
    }

    @Test
    void aChangeNeedsASecretaryOfTheCellAndAMemberStillInTheParty() {
        Member member = registered();
        assertThatThrownBy(() -> service.exempt(
                        caller(cell, Role.COMMITTEE), member.id(), null, LocalDate.of(2026, 1, 2), null, "x"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.exempt(
                        caller(otherCell, Role.SECRETARY), member.id(), null, LocalDate.of(2026, 1, 2), null, "x"))
                .isInstanceOf(NotFoundException.class);
        Caller secretary = caller(cell, Role.SECRETARY);
        service.recordDeath(secretary, member.id(), null, LocalDate.of(2026, 1, 2), "Từ trần");
        assertThatThrownBy(() -> service.exempt(secretary, member.id(), null, LocalDate.of(2026, 1, 3), null, "x"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("member-gone"));
        assertThatThrownBy(() -> service.remove(secretary, MemberId.random(), null, LocalDate.of(2026, 1, 3), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(members.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Registered", "Updated");
    }

    @Test
    void personalIdentifiersAreForTheMemberAndThoseWhoRunTheirCell() {
        Member member = registered();
        assertThat(service.get(caller(cell, Role.MEMBER), member.id()).personalData())
                .isFalse();
        assertThat(service.get(caller(cell, Role.COMMITTEE), member.id()).personalData())
                .isFalse();
        assertThat(service.inCell(caller(cell, Role.MEMBER), cell.id(), PageQuery.of(0, 20))
                        .content())
                .extracting(MemberView::personalData)
                .containsExactly(false);
        Caller self =
                new Caller("ha", Optional.of(member.id().value()), List.of(new Grant(cell.orgPath(), Role.MEMBER)));
        assertThat(service.get(self, member.id()).personalData()).isTrue();
        assertThat(service.get(caller(cell, Role.SECRETARY), member.id()).personalData())
                .isTrue();
        assertThat(service.get(caller(province, Role.SUPERIOR), member.id()).personalData())
                .isTrue();
        assertThat(service.get(caller(province, Role.MEMBER), member.id()).personalData())
                .isFalse();
    }

    @Test
    void recognitionsDueAndOverdueAreListedPerSubtreeEarliestFirst() {
        Caller secretary = caller(cell, Role.SECRETARY);
        Member overdue = service.register(secretary, command(cell, null, "033185000004", LocalDate.of(2024, 10, 1)));
        Member due = service.register(secretary, command(cell, null, "033185000005", LocalDate.of(2024, 12, 20)));
        service.register(secretary, command(cell, null, "033185000006", LocalDate.of(2025, 6, 1)));
        Member full = service.register(secretary, command(cell, null, "033185000007", LocalDate.of(2024, 9, 1)));
        service.recognise(secretary, full.id(), null, LocalDate.of(2025, 9, 1), "Công nhận");
        service.register(
                caller(otherCell, Role.SECRETARY), command(otherCell, null, "033185000008", LocalDate.of(2024, 10, 1)));

        List<RecognitionDue> list = service.recognitionsDue(secretary, cell.id(), null, PageQuery.of(0, 20))
                .content();
        assertThat(list).extracting(d -> d.member().id()).containsExactly(overdue.id(), due.id());
        assertThat(list.getFirst().dueOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(list.getFirst().deadline()).isEqualTo(LocalDate.of(2025, 11, 12));
        assertThat(list).extracting(RecognitionDue::overdue).containsExactly(true, false);
        assertThat(service.recognitionsDue(caller(province, Role.SUPERIOR), province.id(), null, PageQuery.of(0, 20))
                        .totalElements())
                .isEqualTo(3);
        assertThatThrownBy(
                        () -> service.recognitionsDue(caller(cell, Role.MEMBER), cell.id(), null, PageQuery.of(0, 20)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theReceivingCellsSecretaryAnswersATransfer() {
        Member member = registered();
        Member inTransit = service.requestTransfer(
                caller(cell, Role.SECRETARY),
                member.id(),
                1L,
                otherCell.id(),
                TransferKind.OFFICIAL,
                LocalDate.of(2026, 1, 2),
                null,
                "Chuyển công tác");
        UUID transferId = inTransit.pendingTransfer().orElseThrow().entryId();
        assertThatThrownBy(() -> service.answerTransfer(
                        caller(cell, Role.SECRETARY),
                        member.id(),
                        null,
                        transferId,
                        true,
                        LocalDate.of(2026, 1, 3),
                        "x"))
                .as("the sending cell cannot accept its own transfer")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.answerTransfer(
                        caller(otherCell, Role.MEMBER),
                        member.id(),
                        null,
                        transferId,
                        true,
                        LocalDate.of(2026, 1, 3),
                        "x"))
                .isInstanceOf(ForbiddenException.class);
        Member moved = service.answerTransfer(
                caller(otherCell, Role.SECRETARY),
                member.id(),
                2L,
                transferId,
                true,
                LocalDate.of(2026, 1, 3),
                "Tiếp nhận");
        assertThat(moved.cellId()).isEqualTo(otherCell.id());
        assertThat(service.inCell(caller(otherCell, Role.SECRETARY), otherCell.id(), PageQuery.of(0, 20))
                        .content())
                .extracting(v -> v.member().id())
                .containsExactly(member.id());
        assertThatThrownBy(() -> service.requestTransfer(
                        caller(otherCell, Role.SECRETARY),
                        member.id(),
                        null,
                        OrgUnitId.random(),
                        TransferKind.OFFICIAL,
                        LocalDate.of(2026, 1, 4),
                        null,
                        "x"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("unknown-cell"));
    }

    @Test
    void anExpulsionNeedsASuperiorAndIsPublishedAsADisciplineDecision() {
        Member member = registered();
        assertThatThrownBy(() -> service.decideDiscipline(
                        caller(cell, Role.SECRETARY),
                        member.id(),
                        null,
                        DisciplineKind.EXPULSION,
                        LocalDate.of(2026, 1, 2),
                        "Huyện ủy",
                        "Vi phạm",
                        2026))
                .isInstanceOf(ForbiddenException.class);
        Member expelled = service.decideDiscipline(
                caller(province, Role.SUPERIOR),
                member.id(),
                1L,
                DisciplineKind.EXPULSION,
                LocalDate.of(2026, 1, 2),
                "Huyện ủy",
                "Vi phạm",
                2026);
        assertThat(expelled.status()).isEqualTo(MemberStatus.EXPELLED);
        assertThat(members.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Registered", "DisciplineDecided", "Updated");
    }

    @Test
    void anIdentityCorrectionToACitizenIdAnotherMemberHoldsIsA409() {
        Member member = registered();
        Member other = service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033185000009", LocalDate.of(2025, 3, 2)));
        PersonalData taken = new PersonalData(
                "Nguyễn Thị Thu Hà",
                LocalDate.of(1985, 4, 12),
                Gender.FEMALE,
                other.person().citizenId(),
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> service.correctIdentity(caller(cell, Role.SECRETARY), member.id(), 1L, taken, "x"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("citizen-id-taken"));
        assertThat(members.find(member.id())).contains(member);
    }

    @Test
    void readingIsLimitedToTheCallersSubtreesAndOutOfScopeIsNotFound() {
        Member member = registered();
        Caller plainMember = caller(cell, Role.MEMBER);
        assertThat(service.get(plainMember, member.id()).member()).isEqualTo(member);
        assertThat(service.inCell(plainMember, cell.id(), PageQuery.of(0, 20)).content())
                .extracting(MemberView::member)
                .containsExactly(member);

        Caller elsewhere = caller(otherCell, Role.SECRETARY);
        assertThatThrownBy(() -> service.get(elsewhere, member.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.inCell(elsewhere, cell.id(), PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.inCell(elsewhere, otherCell.id(), PageQuery.of(0, 20))
                        .totalElements())
                .isZero();
    }
}
