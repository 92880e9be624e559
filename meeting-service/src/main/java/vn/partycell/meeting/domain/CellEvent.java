package vn.partycell.meeting.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the compliance watch found about a cell that other contexts react to. */
public sealed interface CellEvent {

    WatchedUnit cell();

    /**
     * The cell held no closed meeting of a kind its policy requires in a period that is over (chi bộ
     * chậm sinh hoạt): published once per cell, kind and period.
     */
    record MeetingOverdue(WatchedUnit cell, MeetingKind kind, Period period, LocalDate detectedOn)
            implements CellEvent {

        public MeetingOverdue {
            Objects.requireNonNull(cell);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(period);
            Objects.requireNonNull(detectedOn);
        }

        /** The unique key of the fact: one notice per cell, kind and period. */
        public String key() {
            return cell.id() + ":" + period.key() + ":" + kind.name();
        }
    }

    /**
     * Rule 3.6: a cell that owed meetings for a period that is over and closed none of the kind is
     * overdue; anything else is not.
     */
    static Optional<MeetingOverdue> check(WatchedUnit cell, CellPeriodFacts facts, MeetingKind kind, LocalDate today) {
        Period period = facts.period();
        if (!period.isOverOn(today) || !cell.owesMeetingsFor(period) || facts.closedOf(kind) > 0) {
            return Optional.empty();
        }
        return Optional.of(new MeetingOverdue(cell, kind, period, today));
    }
}
