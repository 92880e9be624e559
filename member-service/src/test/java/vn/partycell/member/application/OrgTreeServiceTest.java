package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The tree's use cases on in-memory ports: moves and their job, dissolving, roles, composition. */
class OrgTreeServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");
    private static final Caller ADMIN = caller(OrgPath.ROOT, Role.ADMIN);

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMembersInTree members = new InMemoryMembersInTree();
    private final TreeFixture tree = new TreeFixture(units, members, Clock.fixed(NOW, ZoneOffset.UTC), 3);
    private final OrgUnitService service = tree.service;

    private final OrgUnit province = service.create(ADMIN, "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, null);
    private final OrgUnit committeeA = service.create(ADMIN, "a", "Đảng ủy A", OrgUnitKind.COMMITTEE, province.id());
    private final OrgUnit committeeB = service.create(ADMIN, "b", "Huyện ủy B", OrgUnitKind.COMMITTEE, province.id());
    private final OrgUnit grassroots =
            service.create(ADMIN, "cs", "Đảng ủy cơ sở", OrgUnitKind.GRASSROOTS, committeeA.id());

    private static Caller caller(OrgPath at, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(at, role)));
    }

    private static Caller caller(Grant... grants) {
        return new Caller("u", Optional.empty(), List.of(grants));
    }

    private int citizen = 0;

    private Member member(OrgUnit cell, MemberStatus status) {
        PersonalData person = new PersonalData(
                "Lê Thị Hoa",
                LocalDate.of(1988, 1, 1),
                Gender.FEMALE,
                String.format("001188%06d", ++citizen % 1_000_000),
                null,
                null,
                null,
                null);
        return members.given(Member.register(
                MemberId.random(),
                person,
                cell,
                null,
                status,
                false,
                LocalDate.of(2020, 1, 1),
                12,
                "bt",
                NOW,
                LocalDate.of(2026, 1, 5)));
    }

    /** grassroots "cs" with 3 cells of 2 full members each, and a party group in the first cell. */
    private List<OrgUnit> cellsUnderGrassroots() {
        List<OrgUnit> cells = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            OrgUnit cell = service.create(ADMIN, "cb-" + i, "Chi bộ " + i, OrgUnitKind.CELL, grassroots.id());
            cells.add(cell);
            member(cell, MemberStatus.FULL);
            member(cell, MemberStatus.FULL);
        }
        service.create(
                ADMIN, "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, cells.getFirst().id());
        return cells;
    }

    @Test
    void aMoveRewritesEveryNodeAndMemberBelowInBatchesAndAnnouncesEachMember() {
        cellsUnderGrassroots();
        int before = members.events().size();

        OrgUnit moved = service.move(ADMIN, grassroots.id(), grassroots.version(), committeeB.id());

        assertThat(moved.orgPath()).isEqualTo(OrgPath.of("/hy/b/cs/"));
        assertThat(moved.pendingMove()).isNotNull();
        assertThat(units.events().getLast()).isEqualTo(new OrgUnitEvent.Moved(moved, OrgPath.of("/hy/a/cs/")));
        assertThat(tree.moves.runPending()).isEqualTo(1);

        assertThat(units.countUnder(OrgPath.of("/hy/a/cs/"))).isZero();
        assertThat(units.countUnder(OrgPath.of("/hy/b/cs/"))).isEqualTo(5);
        assertThat(members.all())
                .allSatisfy(m -> assertThat(m.orgPath().value()).startsWith("/hy/b/cs/cb-"));
        List<MemberEvent> announced =
                members.events().subList(before, members.events().size());
        assertThat(announced).hasSize(6).allSatisfy(e -> assertThat(e).isInstanceOf(MemberEvent.Updated.class));
        OrgUnit done = units.find(grassroots.id()).orElseThrow();
        assertThat(done.pendingMove()).isNull();
        assertThat(tree.moves.runPending()).isZero();
    }

    @Test
    void aMoveInterruptedMidwayIsResumedWithoutAnnouncingAnyMemberTwice() {
        cellsUnderGrassroots();
        int before = members.events().size();
        service.move(ADMIN, grassroots.id(), null, committeeB.id());
        members.crashAfter(4);

        assertThatThrownBy(tree.moves::runPending).isInstanceOf(IllegalStateException.class);
        OrgUnit midway = units.find(grassroots.id()).orElseThrow();
        assertThat(midway.pendingMove().total()).isEqualTo(10);
        assertThat(midway.pendingMove().done()).isBetween(4L, 9L);
        assertThat(members.countUnder(OrgPath.of("/hy/a/cs/"))).isEqualTo(2);

        assertThat(tree.moves.runPending()).isEqualTo(1);
        OrgUnit done = units.find(grassroots.id()).orElseThrow();
        assertThat(done.pendingMove()).isNull();
        assertThat(members.all())
                .allSatisfy(m -> assertThat(m.orgPath().value()).startsWith("/hy/b/cs/"));
        List<MemberEvent> announced =
                members.events().subList(before, members.events().size());
        assertThat(announced.stream().map(e -> e.member().id()).distinct()).hasSize(6);
        assertThat(announced).hasSize(6);
    }

    @Test
    void aMoveNeedsTheRoleOnBothParentsAndIsRefusedWhileAnotherMoveRunsThere() {
        Caller superiorOfA = caller(committeeA.orgPath(), Role.SUPERIOR);
        Caller secretaryInB =
                caller(new Grant(committeeA.orgPath(), Role.SUPERIOR), new Grant(committeeB.orgPath(), Role.SECRETARY));
        Caller bothParents =
                caller(new Grant(committeeA.orgPath(), Role.SUPERIOR), new Grant(committeeB.orgPath(), Role.SUPERIOR));

        assertThatThrownBy(() -> service.move(superiorOfA, grassroots.id(), null, committeeB.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.move(secretaryInB, grassroots.id(), null, committeeB.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() ->
                        service.move(caller(grassroots.orgPath(), Role.ADMIN), grassroots.id(), null, committeeB.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.move(bothParents, grassroots.id(), 7L, committeeB.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"));

        service.move(bothParents, grassroots.id(), null, committeeB.id());
        assertThatThrownBy(() -> service.create(ADMIN, "cb-9", "Chi bộ 9", OrgUnitKind.CELL, grassroots.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("move-pending"));
        assertThatThrownBy(() -> service.move(ADMIN, committeeA.id(), null, committeeB.id()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("move-pending"));
        tree.moves.runPending();
        assertThat(service.create(ADMIN, "cb-9", "Chi bộ 9", OrgUnitKind.CELL, grassroots.id())
                        .orgPath())
                .isEqualTo(OrgPath.of("/hy/b/cs/cb-9/"));
    }

    @Test
    void dissolvingIsRefusedWhileMembersOrChildrenRemainAndWritesNothing() {
        OrgUnit cell = service.create(ADMIN, "cb-1", "Chi bộ 1", OrgUnitKind.CELL, committeeB.id());
        Member m = member(cell, MemberStatus.PROBATIONARY);
        int events = units.events().size();

        assertThatThrownBy(() -> service.dissolve(ADMIN, cell.id(), null, LocalDate.of(2026, 1, 5)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("activeMembers", 1L));
        assertThatThrownBy(() -> service.dissolve(ADMIN, committeeB.id(), null, LocalDate.of(2026, 1, 5)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("liveChildren", 1L));
        assertThat(units.events()).hasSize(events);
        assertThat(units.find(cell.id()).orElseThrow().isDissolved()).isFalse();

        members.changedElsewhere(m.recordDeath(
                        LocalDate.of(2026, 1, 4),
                        "Từ trần",
                        "bt",
                        Instant.parse("2026-01-05T00:00:00Z"),
                        LocalDate.of(2026, 1, 5))
                .state());
        OrgUnit dissolved = service.dissolve(ADMIN, cell.id(), cell.version(), LocalDate.of(2026, 1, 5));
        assertThat(dissolved.dissolvedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(service.dissolve(ADMIN, committeeB.id(), null, LocalDate.of(2026, 1, 5))
                        .isDissolved())
                .isTrue();
        assertThatThrownBy(() -> service.dissolve(
                        caller(cell.orgPath(), Role.ADMIN), committeeA.id(), null, LocalDate.of(2026, 1, 5)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void rolesNeedASuperiorOnTheNodeAndAMemberTheCallerSees() {
        OrgUnit cell = service.create(ADMIN, "cb-1", "Chi bộ 1", OrgUnitKind.CELL, committeeB.id());
        Member m = member(cell, MemberStatus.FULL);
        LocalDate from = LocalDate.of(2025, 7, 1);

        assertThatThrownBy(() -> service.assignRole(
                        caller(cell.orgPath(), Role.SECRETARY), cell.id(), null, m.id(), ElectedRole.SECRETARY, from))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.assignRole(
                        caller(committeeA.orgPath(), Role.SUPERIOR),
                        cell.id(),
                        null,
                        m.id(),
                        ElectedRole.SECRETARY,
                        from))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() ->
                        service.assignRole(ADMIN, cell.id(), null, MemberId.random(), ElectedRole.SECRETARY, from))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.facts()).containsEntry("field", "memberId"));

        OrgUnit withSecretary = service.assignRole(
                caller(committeeB.orgPath(), Role.SUPERIOR),
                cell.id(),
                cell.version(),
                m.id(),
                ElectedRole.SECRETARY,
                from);
        UUID assignment = withSecretary.currentRoles().getFirst().assignmentId();
        assertThat(units.events().getLast()).isInstanceOf(OrgUnitEvent.RoleAssigned.class);
        OrgUnit ended = service.endRole(
                ADMIN, cell.id(), withSecretary.version(), assignment, LocalDate.of(2026, 1, 1), "Hết nhiệm kỳ");
        assertThat(ended.currentRoles()).isEmpty();
        assertThat(ended.roles()).hasSize(2);
    }

    @Test
    void aSuperiorListsTheCellsOfItsSubtreeThatBreakTheCompositionRules() {
        List<OrgUnit> cells = cellsUnderGrassroots();
        OrgUnit good = service.create(ADMIN, "cb-ok", "Chi bộ đủ", OrgUnitKind.CELL, committeeB.id());
        Member secretary = member(good, MemberStatus.FULL);
        member(good, MemberStatus.FULL);
        member(good, MemberStatus.FULL);
        tree.composition.refresh(good.id());
        service.assignRole(ADMIN, good.id(), null, secretary.id(), ElectedRole.SECRETARY, LocalDate.of(2025, 1, 1));
        cells.forEach(c -> tree.composition.refresh(c.id()));

        var all = tree.composition.warnings(ADMIN, province.id(), PageQuery.of(0, 2));
        assertThat(all.totalElements()).isEqualTo(3);
        assertThat(all.content()).hasSize(2);
        assertThat(all.content().getFirst().warnings())
                .extracting(w -> w.code())
                .containsExactly("too-few-full-members", "no-secretary");
        assertThat(tree.composition.of(units.find(good.id()).orElseThrow()).warnings())
                .isEmpty();
        assertThat(tree.composition
                        .warnings(ADMIN, committeeB.id(), PageQuery.of(0, 20))
                        .totalElements())
                .isZero();
        assertThatThrownBy(() -> tree.composition.warnings(
                        caller(good.orgPath(), Role.SECRETARY), good.id(), PageQuery.of(0, 20)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> tree.composition.warnings(
                        caller(committeeB.orgPath(), Role.SUPERIOR), grassroots.id(), PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
    }
}
