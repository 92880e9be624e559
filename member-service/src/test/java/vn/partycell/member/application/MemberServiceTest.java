package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
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
    private final MemberService service = new MemberService(members, units, Clock.fixed(NOW, java.time.ZoneOffset.UTC));

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
                caller(cell, Role.SECRETARY), command(cell, null, "033085000001", LocalDate.of(2025, 3, 2)));
    }

    @Test
    void aSecretaryRegistersAMemberAndTheMembersRegisteredEventIsStoredWithIt() {
        Member member = service.register(
                caller(cell, Role.SECRETARY), command(cell, group, "033085000001", LocalDate.of(2025, 3, 2)));

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
                            caller(cell, weak), command(cell, null, "033085000001", LocalDate.of(2025, 3, 2))))
                    .isInstanceOf(ForbiddenException.class);
        }
        // Out of scope is refused too (403 today; 404 once writes hide what is out of scope).
        assertThatThrownBy(() -> service.register(
                        caller(otherCell, Role.SECRETARY),
                        command(cell, null, "033085000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOfAny(ForbiddenException.class, NotFoundException.class);
        assertThat(members.size()).isZero();
        assertThat(members.events()).isEmpty();

        Member bySuperior = service.register(
                caller(province, Role.SUPERIOR), command(cell, null, "033085000002", LocalDate.of(2025, 3, 2)));
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
                                command(cell, null, "033085000001", LocalDate.of(2025, 3, 2))
                                        .person(),
                                OrgUnitId.random(),
                                null,
                                MemberStatus.FULL,
                                false,
                                LocalDate.of(2025, 3, 2))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("chi bộ");
        assertThatThrownBy(() ->
                        service.register(secretary, command(cell, nowhere, "033085000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("tổ đảng");
        assertThat(members.events()).isEmpty();
    }

    @Test
    void aWrongPlaceIsRefusedByTheDomainAndStoresNothing() {
        assertThatThrownBy(() -> service.register(
                        caller(province, Role.SUPERIOR),
                        command(otherCell, group, "033085000001", LocalDate.of(2025, 3, 2))))
                .isInstanceOf(RuleViolationException.class);
        assertThat(members.size()).isZero();
    }

    @Test
    void todayIsTheDateInHanoiNotInUtc() {
        // In UTC it is still 4 January, so a member joining on 5 January would be "in the future".
        Member joinedToday = service.register(
                caller(cell, Role.SECRETARY), command(cell, null, "033085000001", LocalDate.of(2026, 1, 5)));
        assertThat(joinedToday.joinedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThatThrownBy(() -> service.register(
                        caller(cell, Role.SECRETARY), command(cell, null, "033085000002", LocalDate.of(2026, 1, 6))))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aStatusChangeStoresTheNewStateWithItsUpdatedEvent() {
        Member member = registered();
        Member full = service.changeStatus(
                caller(cell, Role.SECRETARY),
                member.id(),
                1L,
                MemberStatus.FULL,
                null,
                LocalDate.of(2026, 1, 2),
                "Công nhận đảng viên chính thức");

        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.version()).isEqualTo(2);
        assertThat(full.exempted()).as("null keeps the exemption").isFalse();
        assertThat(members.find(member.id())).contains(full);
        assertThat(members.events()).containsExactly(new MemberEvent.Registered(member), new MemberEvent.Updated(full));
    }

    @Test
    void aStaleVersionIsA409AndChangesNothing() {
        Member member = registered();
        Caller secretary = caller(cell, Role.SECRETARY);
        service.changeStatus(
                secretary, member.id(), 1L, MemberStatus.PROBATIONARY, true, LocalDate.of(2026, 1, 2), "Ốm dài ngày");

        assertThatThrownBy(() -> service.changeStatus(
                        secretary, member.id(), 1L, MemberStatus.FULL, null, LocalDate.of(2026, 1, 3), "Công nhận"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));
        assertThat(members.find(member.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(members.events()).hasSize(2);
    }

    @Test
    void aStatusChangeNeedsASecretaryOfTheCellAndAnActiveMember() {
        Member member = registered();
        assertThatThrownBy(() -> service.changeStatus(
                        caller(cell, Role.COMMITTEE),
                        member.id(),
                        null,
                        MemberStatus.FULL,
                        null,
                        LocalDate.of(2026, 1, 2),
                        "x"))
                .isInstanceOf(ForbiddenException.class);
        Caller secretary = caller(cell, Role.SECRETARY);
        service.changeStatus(
                secretary, member.id(), null, MemberStatus.REMOVED, null, LocalDate.of(2026, 1, 2), "Xóa tên");
        assertThatThrownBy(() -> service.changeStatus(
                        secretary, member.id(), null, MemberStatus.FULL, null, LocalDate.of(2026, 1, 3), "x"))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("member-inactive"));
        assertThatThrownBy(() -> service.changeStatus(
                        secretary, MemberId.random(), null, MemberStatus.FULL, null, LocalDate.of(2026, 1, 3), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThat(members.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Registered", "Updated");
    }

    @Test
    void readingIsLimitedToTheCallersSubtreesAndOutOfScopeIsNotFound() {
        Member member = registered();
        Caller plainMember = caller(cell, Role.MEMBER);
        assertThat(service.get(plainMember, member.id())).isEqualTo(member);
        assertThat(service.inCell(plainMember, cell.id(), PageQuery.of(0, 20)).content())
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
