package vn.partycell.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrgPathTest {

    @Test
    void childPathsAppendTheCodeWithTrailingSlash() {
        OrgPath cell = OrgPath.ROOT.child("hy").child("du-khoi").child("cb-01");
        assertThat(cell.value()).isEqualTo("/hy/du-khoi/cb-01/");
        assertThat(cell.depth()).isEqualTo(3);
    }

    @Test
    void coversOnlyWholeSegments() {
        OrgPath b = OrgPath.of("/hy/b/");
        assertThat(b.covers(OrgPath.of("/hy/b/cb-1/"))).isTrue();
        assertThat(b.covers(OrgPath.of("/hy/bv/"))).isFalse();
        assertThat(OrgPath.ROOT.covers(OrgPath.of("/hy/bv/"))).isTrue();
    }

    @Test
    void refusesMalformedPathsAndCodes() {
        assertThatThrownBy(() -> OrgPath.of("/hy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgPath.of("hy/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgPath.of("/HY/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgPath.ROOT.child("Chi bộ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(OrgPath.isValidCode("cb-01")).isTrue();
        assertThat(OrgPath.isValidCode("-cb")).isFalse();
    }
}
