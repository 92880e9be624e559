package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** One line of a superior's compliance list: a cell, its facts in the period, and its standing. */
public record CellCompliance(
        WatchedUnit cell, CellPeriodFacts facts, List<MeetingKind> required, ComplianceStatus status) {

    public CellCompliance {
        Objects.requireNonNull(cell);
        Objects.requireNonNull(facts);
        required = List.copyOf(required);
        Objects.requireNonNull(status);
    }

    /** The standing of a cell in a period, given the kinds the period's policy requires of it. */
    public static CellCompliance of(
            WatchedUnit cell, CellPeriodFacts facts, List<MeetingKind> required, LocalDate today) {
        Period period = facts.period();
        ComplianceStatus status;
        boolean missing = required.stream().anyMatch(k -> facts.closedOf(k) == 0);
        if (!missing) {
            status = required.isEmpty() ? ComplianceStatus.NOT_DUE : ComplianceStatus.MET;
        } else if (!cell.owesMeetingsFor(period)) {
            status = ComplianceStatus.NOT_DUE;
        } else {
            status = period.isOverOn(today) ? ComplianceStatus.OVERDUE : ComplianceStatus.OPEN;
        }
        return new CellCompliance(cell, facts, required, status);
    }
}
