package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** OrgUnitService against an in-memory port: no Spring, no store, no broker. */
class OrgUnitServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final OrgUnitService service =
            new TreeFixture(units, new InMemoryMembersInTree(), Clock.fixed(NOW, ZoneOffset.UTC)).service;

    private static Caller caller(OrgPath at, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(at, role)));
    }

    private static final Caller ADMIN = caller(OrgPath.ROOT, Role.ADMIN);

    @Test
    void anAdminCreatesTheProvinceAndItsCreatedEventIsStoredWithIt() {
        OrgUnit province = service.create(ADMIN, "hy", " Tỉnh ủy Hưng Yên ", OrgUnitKind.PROVINCE, null);

        assertThat(province.orgPath().value()).isEqualTo("/hy/");
        assertThat(province.createdAt()).isEqualTo(NOW);
        assertThat(units.find(province.id())).contains(province);
        assertThat(units.events()).containsExactly(new OrgUnitEvent.Created(province));
    }

    @Test
    void onlyAnAdminOfTheWholeTreeCreatesARoot() {
        assertThatThrownBy(() -> service.create(
                        caller(OrgPath.of("/hy/"), Role.SUPERIOR), "bn", "Tỉnh ủy", OrgUnitKind.PROVINCE, null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(units.size()).isZero();
        assertThat(units.events()).isEmpty();
    }

    @Test
    void aChildNeedsASuperiorOnItsParentAndTakesItsPath() {
        OrgUnit province = service.create(ADMIN, "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, null);
        assertThatThrownBy(() -> service.create(
                        caller(province.orgPath(), Role.SECRETARY),
                        "du-khoi",
                        "Đảng ủy Khối",
                        OrgUnitKind.COMMITTEE,
                        province.id()))
                .isInstanceOf(ForbiddenException.class);

        OrgUnit committee = service.create(
                caller(province.orgPath(), Role.SUPERIOR),
                "du-khoi",
                "Đảng ủy Khối",
                OrgUnitKind.COMMITTEE,
                province.id());
        assertThat(committee.orgPath().value()).isEqualTo("/hy/du-khoi/");
        assertThat(committee.parentId()).isEqualTo(province.id());
        assertThat(units.events())
                .containsExactly(new OrgUnitEvent.Created(province), new OrgUnitEvent.Created(committee));
    }

    @Test
    void anUnknownParentIsNotFoundAndAnImpossibleTreeIsRefusedWithoutAnEvent() {
        assertThatThrownBy(() -> service.create(ADMIN, "cb", "Chi bộ", OrgUnitKind.CELL, OrgUnitId.random()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("tổ chức cấp trên");
        OrgUnit province = service.create(ADMIN, "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, null);
        assertThatThrownBy(() -> service.create(ADMIN, "to-1", "Tổ đảng", OrgUnitKind.PARTY_GROUP, province.id()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("kind-not-allowed"));
        assertThat(units.events()).containsExactly(new OrgUnitEvent.Created(province));
    }

    @Test
    void readingOutsideTheCallersSubtreesIsNotFound() {
        OrgUnit province = service.create(ADMIN, "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, null);
        OrgUnit a = service.create(ADMIN, "a", "Huyện ủy A", OrgUnitKind.COMMITTEE, province.id());
        OrgUnit b = service.create(ADMIN, "b", "Huyện ủy B", OrgUnitKind.COMMITTEE, province.id());

        Caller ofA = caller(a.orgPath(), Role.SECRETARY);
        assertThat(service.get(ofA, a.id())).isEqualTo(a);
        assertThatThrownBy(() -> service.get(ofA, b.id())).isInstanceOf(NotFoundException.class);
        assertThat(service.search(ofA, null, null, null, PageQuery.of(0, 20)).content())
                .containsExactly(a);
    }

    @Test
    void aNodeIsCreatedWithItsFoundingDateOrFoundedTodayAndItsEventCarriesTheNode() {
        OrgUnit province = service.create(ADMIN, "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, null);
        OrgUnit cell = service.create(
                ADMIN, "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, province.id(), LocalDate.of(2015, 7, 1));

        assertThat(province.establishedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(cell.establishedOn()).isEqualTo(LocalDate.of(2015, 7, 1));
        assertThat(units.find(cell.id()))
                .hasValueSatisfying(u -> assertThat(u.establishedOn()).isEqualTo(LocalDate.of(2015, 7, 1)));
        assertThat(units.events()).last().isEqualTo(new OrgUnitEvent.Created(cell));
    }
}
