package vn.partycell.localstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.localstack.seed.DemoProvincePlan.Kind;
import vn.partycell.localstack.seed.DemoProvincePlan.MemberPlan;
import vn.partycell.localstack.seed.DemoProvincePlan.Status;
import vn.partycell.localstack.seed.DemoProvincePlan.Unit;

class DemoProvincePlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final DemoProvincePlan plan = DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, TODAY);

    @Test
    void isReproducible() {
        DemoProvincePlan again = DemoProvincePlan.generate(DemoProvincePlan.DEFAULT_SEED, TODAY);
        assertThat(again.province()).isEqualTo(plan.province());
        assertThat(again.members()).isEqualTo(plan.members());
        assertThat(DemoProvincePlan.generate(1, TODAY).members()).isNotEqualTo(plan.members());
    }

    @Test
    void hasTheProvinceThreeCommitteesAndThirtyCellsWithPartyGroups() {
        Unit province = plan.province();
        assertThat(province.code()).isEqualTo("hy");
        assertThat(province.name()).isEqualTo("Tỉnh ủy Hưng Yên");
        assertThat(province.kind()).isEqualTo(Kind.PROVINCE);
        assertThat(province.children())
                .extracting(Unit::code)
                .containsExactly("du-khoi-ccq", "huyen-uy-vl", "thanh-uy-hy");
        assertThat(province.children()).allSatisfy(committee -> {
            assertThat(committee.kind()).isEqualTo(Kind.COMMITTEE);
            assertThat(committee.children())
                    .hasSizeBetween(1, 2)
                    .allSatisfy(grassroots -> assertThat(grassroots.kind()).isEqualTo(Kind.GRASSROOTS));
        });

        List<Unit> cells = plan.units(Kind.CELL);
        assertThat(cells).hasSize(30);
        assertThat(cells.getFirst().code()).isEqualTo("cb-01");
        assertThat(cells.getLast().code()).isEqualTo("cb-30");
        assertThat(cells).extracting(Unit::code).doesNotHaveDuplicates();
        assertThat(cells).allSatisfy(cell -> {
            assertThat(cell.name()).startsWith("Chi bộ ");
            assertThat(cell.children()).hasSizeBetween(2, 3);
            assertThat(cell.children()).extracting(Unit::code).isSubsetOf("to-1", "to-2", "to-3");
        });
        assertThat(cells).extracting(Unit::name).contains("Chi bộ thôn Đình Dù");
        // cb-11 sits under another committee than cb-01.
        assertThat(province.children()
                        .get(1)
                        .children()
                        .getFirst()
                        .children()
                        .getFirst()
                        .code())
                .isEqualTo("cb-11");

        for (Kind kind : Kind.values()) {
            assertThat(plan.units(kind))
                    .allSatisfy(unit -> assertThat(unit.code()).matches("[a-z0-9][a-z0-9-]{0,31}"));
        }
    }

    @Test
    void hasTwentyMembersPerCellSpreadOverItsPartyGroups() {
        assertThat(plan.members()).hasSize(600);
        Map<String, List<MemberPlan>> byCell = plan.membersByCell();
        assertThat(byCell).hasSize(30);
        for (Unit cell : plan.units(Kind.CELL)) {
            List<MemberPlan> members = byCell.get(cell.code());
            assertThat(members).hasSize(20);
            for (Unit group : cell.children()) {
                assertThat(members)
                        .filteredOn(m -> m.partyGroupCode().equals(group.code()))
                        .hasSizeGreaterThanOrEqualTo(6);
            }
            assertThat(members).allSatisfy(m -> assertThat(m.cellCode()).isEqualTo(cell.code()));
        }
        assertThat(plan.members()).extracting(m -> m.person().citizenId()).doesNotHaveDuplicates();
        assertThat(plan.members()).extracting(m -> m.address()).allMatch(address -> address.endsWith("tỉnh Hưng Yên"));
    }

    @Test
    void aboutOneInTenIsProbationaryAndOneInTwentyExempted() {
        List<MemberPlan> members = plan.members();
        List<MemberPlan> probationary =
                members.stream().filter(m -> m.status() == Status.PROBATIONARY).toList();
        List<MemberPlan> exempted =
                members.stream().filter(MemberPlan::exempted).toList();

        assertThat(probationary).hasSize(60).allSatisfy(m -> {
            assertThat(m.joinedOn()).isAfter(TODAY.minusMonths(12)).isBefore(TODAY);
            assertThat(m.exempted()).isFalse();
        });
        assertThat(exempted).hasSize(30).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(Status.FULL);
            assertThat(m.person().dateOfBirth().getYear()).isLessThanOrEqualTo(1962);
        });
        assertThat(members).filteredOn(m -> m.status() == Status.FULL).allSatisfy(m -> {
            assertThat(m.joinedOn()).isBefore(TODAY.minusMonths(12));
            assertThat(m.joinedOn()).isAfterOrEqualTo(m.person().dateOfBirth().plusYears(18));
        });
    }

    @Test
    void theFirstTwoOfEveryCellAreActiveFullMembers() {
        plan.membersByCell()
                .values()
                .forEach(members -> assertThat(members.subList(0, 2)).allSatisfy(m -> {
                    assertThat(m.status()).isEqualTo(Status.FULL);
                    assertThat(m.exempted()).isFalse();
                }));
    }
}
