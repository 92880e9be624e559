package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

/** Rule 3.6: who is overdue, and a cell's standing in a superior's list. */
class ComplianceRuleTest {

    static final Period NOVEMBER = new Period(PeriodLength.MONTH, 2026, 11);
    static final LocalDate DECEMBER_FIRST = LocalDate.of(2026, 12, 1);

    static WatchedUnit cell(LocalDate since, LocalDate dissolvedOn) {
        return new WatchedUnit(
                new OrgUnitId(UUID.randomUUID()),
                new OrgUnitId(UUID.randomUUID()),
                OrgUnitKind.CELL,
                "cb-a",
                "Chi bộ thôn An",
                OrgPath.of("/hy/cb-a/"),
                since,
                dissolvedOn,
                1);
    }

    static CellPeriodFacts facts(WatchedUnit cell, int regular, int thematic) {
        return new CellPeriodFacts(
                cell.cellId(), NOVEMBER, regular, thematic, regular + thematic, 10, 8, 6, null, null);
    }

    @Test
    void aCellThatOwedTheWholeOverPeriodAndClosedNoRegularMeetingIsOverdue() {
        WatchedUnit cell = cell(LocalDate.of(2020, 1, 1), null);
        assertThat(CellEvent.check(cell, facts(cell, 0, 1), MeetingKind.REGULAR, DECEMBER_FIRST))
                .hasValueSatisfying(o -> {
                    assertThat(o.period()).isEqualTo(NOVEMBER);
                    assertThat(o.key()).isEqualTo(cell.id() + ":2026-11:REGULAR");
                });
        assertThat(CellEvent.check(cell, facts(cell, 1, 0), MeetingKind.REGULAR, DECEMBER_FIRST))
                .isEmpty();
        // Not before the period is over.
        assertThat(CellEvent.check(cell, facts(cell, 0, 0), MeetingKind.REGULAR, LocalDate.of(2026, 11, 30)))
                .isEmpty();
    }

    @Test
    void newAndDissolvedCellsAreNotOverdue() {
        WatchedUnit createdMidPeriod = cell(LocalDate.of(2026, 11, 2), null);
        assertThat(CellEvent.check(
                        createdMidPeriod, facts(createdMidPeriod, 0, 0), MeetingKind.REGULAR, DECEMBER_FIRST))
                .isEmpty();
        WatchedUnit createdOnFirstDay = cell(LocalDate.of(2026, 11, 1), null);
        assertThat(CellEvent.check(
                        createdOnFirstDay, facts(createdOnFirstDay, 0, 0), MeetingKind.REGULAR, DECEMBER_FIRST))
                .isPresent();
        WatchedUnit gone = cell(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 12, 1));
        assertThat(CellEvent.check(gone, facts(gone, 0, 0), MeetingKind.REGULAR, DECEMBER_FIRST))
                .isEmpty();
    }

    @Test
    void standingInAListWorstFirst() {
        WatchedUnit cell = cell(LocalDate.of(2020, 1, 1), null);
        List<MeetingKind> regular = List.of(MeetingKind.REGULAR);
        assertThat(CellCompliance.of(cell, facts(cell, 0, 0), regular, DECEMBER_FIRST)
                        .status())
                .isEqualTo(ComplianceStatus.OVERDUE);
        assertThat(CellCompliance.of(cell, facts(cell, 0, 0), regular, LocalDate.of(2026, 11, 20))
                        .status())
                .isEqualTo(ComplianceStatus.OPEN);
        assertThat(CellCompliance.of(cell, facts(cell, 2, 0), regular, DECEMBER_FIRST)
                        .status())
                .isEqualTo(ComplianceStatus.MET);
        assertThat(CellCompliance.of(cell, facts(cell, 0, 0), List.of(), DECEMBER_FIRST)
                        .status())
                .isEqualTo(ComplianceStatus.NOT_DUE);
        WatchedUnit young = cell(LocalDate.of(2026, 11, 20), null);
        assertThat(CellCompliance.of(young, facts(young, 0, 0), regular, DECEMBER_FIRST)
                        .status())
                .isEqualTo(ComplianceStatus.NOT_DUE);
        assertThat(ComplianceStatus.values()).startsWith(ComplianceStatus.OVERDUE, ComplianceStatus.OPEN);
        CellPeriodFacts f = facts(cell, 1, 1);
        assertThat(f.attendanceRate()).isEqualTo(0.8);
        assertThat(f.averageSpeakers()).isEqualTo(3.0);
        assertThat(CellPeriodFacts.none(cell.cellId(), NOVEMBER).attendanceRate())
                .isNull();
    }
}
