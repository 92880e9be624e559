package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.InvalidInputException;

class PeriodTest {

    @Test
    void monthsAndQuartersHaveKeysBoundsAndPredecessors() {
        Period november = Period.containing(LocalDate.of(2026, 11, 30), PeriodLength.MONTH);
        assertThat(november.key()).isEqualTo("2026-11");
        assertThat(november.start()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.isOverOn(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(november.isOverOn(LocalDate.of(2026, 12, 1))).isTrue();
        Period q1 = Period.containing(LocalDate.of(2027, 2, 14), PeriodLength.QUARTER);
        assertThat(q1.key()).isEqualTo("2027-Q1");
        assertThat(q1.end()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(q1.previous().key()).isEqualTo("2026-Q4");
        assertThat(Period.containing(LocalDate.of(2027, 1, 1), PeriodLength.MONTH)
                        .previous()
                        .key())
                .isEqualTo("2026-12");
        assertThat(Period.parse("2026-Q4", "period")).isEqualTo(new Period(PeriodLength.QUARTER, 2026, 4));
        assertThat(Period.parse("2026-01", "period").includes(LocalDate.of(2026, 1, 31)))
                .isTrue();
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        for (String bad :
                new String[] {"2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026", "26-11", "", "2026-11-01"}) {
            assertThatThrownBy(() -> Period.parse(bad, "period"))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("period"));
        }
        assertThatThrownBy(() -> Period.parse(null, "period")).isInstanceOf(InvalidInputException.class);
    }
}
