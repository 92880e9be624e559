package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** Roles ending with their holder's leaving, and the planned-ends job, against in-memory ports. */
class RoleTenureAndPlannedEndsServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final MembershipPolicy policy =
            new MembershipPolicy(new MembershipPolicy.YearPolicy(new MembershipPolicy.Probation(12, 30)), Map.of());
    private final CompositionService composition =
            new CompositionService(units, new InMemoryMembersInTree(), TreeFixture.POLICY, clock);
    private final MemberService service = new MemberService(members, units, policy, clock, composition);

    private final OrgUnit province =
            units.given(OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy", OrgUnitKind.PROVINCE, NOW));
    private final OrgUnit cell =
            units.given(province.child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, NOW));
    private final OrgUnit otherCell =
            units.given(province.child(OrgUnitId.random(), "cb-02", "Chi bộ 2", OrgUnitKind.CELL, NOW));
    private final Caller secretary =
            new Caller("bt", Optional.empty(), List.of(new Grant(province.orgPath(), Role.SECRETARY)));

    {
        service.setRoleTenure(new RoleTenure(units, composition, clock));
    }

    private Member registered(String citizenId) {
        return service.register(
                secretary,
                new RegisterMember(
                        new PersonalData(
                                "Nguyễn Văn An",
                                LocalDate.of(1980, 1, 1),
                                Gender.MALE,
                                citizenId,
                                null,
                                null,
                                null,
                                null),
                        cell.id(),
                        null,
                        MemberStatus.FULL,
                        false,
                        LocalDate.of(2010, 1, 1)));
    }

    private void holds(Member member, ElectedRole role) {
        OrgUnit now = units.find(cell.id()).orElseThrow();
        units.update(
                now.assignRole(UUID.randomUUID(), member, role, LocalDate.of(2020, 7, 1), "ht", NOW), now.version());
    }

    private List<OrgUnitEvent.RoleEnded> endings() {
        return units.events().stream()
                .filter(OrgUnitEvent.RoleEnded.class::isInstance)
                .map(OrgUnitEvent.RoleEnded.class::cast)
                .toList();
    }

    @Test
    void aRemovalEndsTheHoldersRolesAnExemptionDoesNot() {
        Member an = registered("033080000001");
        holds(an, ElectedRole.SECRETARY);
        holds(an, ElectedRole.COMMITTEE_MEMBER);

        service.exempt(secretary, an.id(), null, TODAY.minusDays(5), null, "Ốm");
        assertThat(endings()).isEmpty();

        service.remove(secretary, an.id(), null, TODAY.minusDays(1), "Bỏ sinh hoạt");
        assertThat(endings()).hasSize(2).allSatisfy(e -> {
            assertThat(e.ending().on()).isEqualTo(TODAY.minusDays(1));
            assertThat(e.ending().recordedBy()).isEqualTo(RoleTenure.RECORDED_BY);
        });
        assertThat(units.find(cell.id()).orElseThrow().currentRoles()).isEmpty();
    }

    @Test
    void theJobEndsAnAttachmentOnItsPlannedDayOnceAndOnlyWhenItHasCome() {
        Member an = registered("033080000002");
        service.attach(secretary, an.id(), null, otherCell.id(), TODAY.minusDays(20), TODAY, "Đi học");
        PlannedEnds job = new PlannedEnds(
                members,
                new vn.partycell.platform.kernel.JobLease() {
                    @Override
                    public boolean tryHold(String name, Duration duration) {
                        return true;
                    }

                    @Override
                    public void release(String name) {}
                },
                clock,
                Duration.ofHours(1));

        assertThat(job.applyDue(TODAY.minusDays(1))).isZero();
        assertThat(members.find(an.id()).orElseThrow().meetingCellId()).contains(otherCell.id());

        assertThat(job.applyDue(TODAY)).isEqualTo(1);
        Member back = members.find(an.id()).orElseThrow();
        assertThat(back.meetingCellId()).contains(cell.id());
        assertThat(back.history().getLast().recordedBy()).isEqualTo(PlannedEnds.RECORDED_BY);
        assertThat(job.applyDue(TODAY)).isZero();
    }
}
