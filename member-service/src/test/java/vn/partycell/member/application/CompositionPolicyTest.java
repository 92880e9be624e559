package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.CompositionRule;

class CompositionPolicyTest {

    @Test
    void aYearOverridesOnlyWhatItSetsAndNonsenseStopsTheStart() {
        CompositionPolicy policy = new CompositionPolicy(
                new CompositionPolicy.YearPolicy(3, 9), Map.of(2027, new CompositionPolicy.YearPolicy(null, 12)));

        assertThat(policy.rule(2026)).isEqualTo(new CompositionRule(3, 9));
        assertThat(policy.rule(2027)).isEqualTo(new CompositionRule(3, 12));
        assertThatThrownBy(() -> new CompositionPolicy(new CompositionPolicy.YearPolicy(3, null), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompositionPolicy(
                        new CompositionPolicy.YearPolicy(3, 9),
                        Map.of(2028, new CompositionPolicy.YearPolicy(10, null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2028");
    }
}
