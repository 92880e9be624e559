package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.Change;
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
}
