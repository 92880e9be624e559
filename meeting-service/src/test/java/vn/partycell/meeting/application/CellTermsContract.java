package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;

/** What every {@link CellTerms} promises: per cell, oldest first, recording the same term twice changes nothing. */
public abstract class CellTermsContract {

    protected abstract CellTerms terms();

    private static CommitteeTerm term(String name, String start, String end) {
        return new CommitteeTerm(UUID.randomUUID(), name, LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void termsAreKeptPerCellOldestFirstAndOnce() {
        CellId cell = new CellId(UUID.randomUUID());
        CellId other = new CellId(UUID.randomUUID());
        CommitteeTerm later = term("2025–2030", "2025-06-01", "2030-05-31");
        CommitteeTerm earlier = term("2020–2025", "2020-06-01", "2025-05-31");

        assertThat(terms().record(cell, later)).isTrue();
        assertThat(terms().record(cell, earlier)).isTrue();
        assertThat(terms().record(cell, later)).isFalse();
        assertThat(terms().record(other, term("2022–2027", "2022-01-01", "2027-12-31")))
                .isTrue();

        assertThat(terms().termsOf(cell)).containsExactly(earlier, later);
        assertThat(terms().termsOf(other)).hasSize(1);
        assertThat(terms().termsOf(new CellId(UUID.randomUUID()))).isEmpty();
    }
}
