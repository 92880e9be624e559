package vn.partycell.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.Versions;

class ETagsTest {

    @Test
    void theEtagIsTheQuotedVersionAndIfMatchReadsItBack() {
        assertThat(ETags.of(7)).isEqualTo("\"7\"");
        assertThat(ETags.ifMatch("\"7\"")).isEqualTo(7L);
        assertThat(ETags.ifMatch("W/\"7\"")).isEqualTo(7L);
        assertThat(ETags.ifMatch(null)).isNull();
        assertThatThrownBy(() -> ETags.ifMatch("\"abc\"")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWriteOnAStaleReadIsAConflict() {
        Versions.requireCurrent(null, 3, "Bản ghi");
        Versions.requireCurrent(3L, 3, "Bản ghi");
        assertThatThrownBy(() -> Versions.requireCurrent(2L, 3, "Bản ghi"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale-version"))
                .hasMessageContaining("phiên bản 3");
    }
}
