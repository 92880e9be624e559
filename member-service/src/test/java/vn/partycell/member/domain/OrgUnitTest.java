package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

class OrgUnitTest {

    private final Instant now = Instant.parse("2026-01-05T02:00:00Z");
    private final OrgUnit province = OrgUnit.root(
                    OrgUnitId.random(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, now)
            .state();

    @Test
    void childrenTakeTheirPathFromTheParent() {
        OrgUnit committee = province.child(OrgUnitId.random(), "du-khoi", "Đảng ủy Khối", OrgUnitKind.COMMITTEE, now)
                .state();
        OrgUnit cell = committee
                .child(OrgUnitId.random(), "cb-01", " Chi bộ Sở Tư pháp ", OrgUnitKind.CELL, now)
                .state();
        assertThat(cell.orgPath().value()).isEqualTo("/hy/du-khoi/cb-01/");
        assertThat(cell.parentId()).isEqualTo(committee.id());
        assertThat(cell.name()).isEqualTo("Chi bộ Sở Tư pháp");
    }

    @Test
    void aCellMayHangDirectlyUnderACommitteeButAGroupOnlyUnderACell() {
        OrgUnit committee = province.child(OrgUnitId.random(), "hu", "Huyện ủy", OrgUnitKind.COMMITTEE, now)
                .state();
        assertThat(committee
                        .child(OrgUnitId.random(), "cb", "Chi bộ cơ sở", OrgUnitKind.CELL, now)
                        .state()
                        .isCell())
                .isTrue();
        assertThatThrownBy(() -> committee.child(OrgUnitId.random(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("PARTY_GROUP");
    }

    @Test
    void onlyAProvinceIsARoot() {
        assertThatThrownBy(() -> OrgUnit.root(OrgUnitId.random(), "x", "Chi bộ", OrgUnitKind.CELL, now))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void creatingANodeDecidesItsCreatedEvent() {
        Change<OrgUnit, OrgUnitEvent> created =
                province.child(OrgUnitId.random(), "cb-02", "Chi bộ 2", OrgUnitKind.CELL, now);
        assertThat(created.events()).containsExactly(new OrgUnitEvent.Created(created.state()));
        assertThat(OrgUnit.root(OrgUnitId.random(), "bn", "Tỉnh ủy Bắc Ninh", OrgUnitKind.PROVINCE, now)
                        .events())
                .singleElement()
                .isInstanceOf(OrgUnitEvent.Created.class);
    }

    @Test
    void aNodeKeepsTheFoundingDateItIsGivenThroughItsChanges() {
        OrgUnit cell = province.child(
                        OrgUnitId.random(), "cb-03", "Chi bộ 3", OrgUnitKind.CELL, LocalDate.of(2015, 7, 1), now)
                .state();
        assertThat(cell.establishedOn()).isEqualTo(LocalDate.of(2015, 7, 1));
        assertThat(cell.createdAt()).isEqualTo(now);
        OrgUnit renamed = cell.rename("Chi bộ ba").state();
        assertThat(renamed.establishedOn()).isEqualTo(LocalDate.of(2015, 7, 1));
        assertThat(renamed.repath(OrgPath.of("/hy/cb-03/"), province.id()).establishedOn())
                .isEqualTo(LocalDate.of(2015, 7, 1));
    }

    @Test
    void withoutAFoundingDateANodeIsFoundedTheDayItIsCreatedInVietnam() {
        Instant lateEvening = Instant.parse("2026-01-04T18:30:00Z"); // 01:30 on 5 January in Hà Nội
        OrgUnit root = OrgUnit.root(OrgUnitId.random(), "bn", "Tỉnh ủy Bắc Ninh", OrgUnitKind.PROVINCE, lateEvening)
                .state();
        assertThat(root.establishedOn()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(root.child(OrgUnitId.random(), "cb", "Chi bộ", OrgUnitKind.CELL, null, lateEvening)
                        .state()
                        .establishedOn())
                .isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aNodeRecordedBeforeFoundingDatesWereKeptReadsAsTheDayItWasCreated() {
        OrgUnit stored = new OrgUnit(
                OrgUnitId.random(),
                "cb-04",
                "Chi bộ 4",
                OrgUnitKind.CELL,
                province.id(),
                OrgPath.of("/hy/cb-04/"),
                3,
                Instant.parse("2019-03-31T18:00:00Z"),
                null,
                null,
                List.of(),
                List.of(),
                null);
        assertThat(stored.establishedOn()).isEqualTo(LocalDate.of(2019, 4, 1));
    }

    @Test
    void aFoundingDateAfterTodayIsRefusedNamingTheField() {
        assertThatThrownBy(() -> province.child(
                        OrgUnitId.random(), "cb-05", "Chi bộ 5", OrgUnitKind.CELL, LocalDate.of(2026, 1, 6), now))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("established-in-future");
                    assertThat(e.facts()).containsEntry("field", "establishedOn");
                });
        assertThat(province.child(
                                OrgUnitId.random(),
                                "cb-05",
                                "Chi bộ 5",
                                OrgUnitKind.CELL,
                                LocalDate.of(2026, 1, 5),
                                now)
                        .state()
                        .establishedOn())
                .isEqualTo(LocalDate.of(2026, 1, 5));
    }
}
