package vn.partycell.member.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.RuleViolationException;

class OrgUnitTest {

    private final Instant now = Instant.parse("2026-01-05T02:00:00Z");
    private final OrgUnit province =
            OrgUnit.root(UUID.randomUUID(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, now);

    @Test
    void childrenTakeTheirPathFromTheParent() {
        OrgUnit committee = province.child(UUID.randomUUID(), "du-khoi", "Đảng ủy Khối", OrgUnitKind.COMMITTEE, now);
        OrgUnit cell = committee.child(UUID.randomUUID(), "cb-01", " Chi bộ Sở Tư pháp ", OrgUnitKind.CELL, now);
        assertThat(cell.orgPath().value()).isEqualTo("/hy/du-khoi/cb-01/");
        assertThat(cell.parentId()).isEqualTo(committee.id());
        assertThat(cell.name()).isEqualTo("Chi bộ Sở Tư pháp");
    }

    @Test
    void aCellMayHangDirectlyUnderACommitteeButAGroupOnlyUnderACell() {
        OrgUnit committee = province.child(UUID.randomUUID(), "hu", "Huyện ủy", OrgUnitKind.COMMITTEE, now);
        assertThat(committee
                        .child(UUID.randomUUID(), "cb", "Chi bộ cơ sở", OrgUnitKind.CELL, now)
                        .isCell())
                .isTrue();
        assertThatThrownBy(() -> committee.child(UUID.randomUUID(), "to-1", "Tổ 1", OrgUnitKind.PARTY_GROUP, now))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("PARTY_GROUP");
    }

    @Test
    void onlyAProvinceIsARoot() {
        assertThatThrownBy(() -> OrgUnit.root(UUID.randomUUID(), "x", "Chi bộ", OrgUnitKind.CELL, now))
                .isInstanceOf(RuleViolationException.class);
    }
}
