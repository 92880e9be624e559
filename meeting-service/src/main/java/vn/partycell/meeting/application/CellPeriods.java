package vn.partycell.meeting.application;

import java.util.Collection;
import java.util.Map;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.Period;

/**
 * Port: per-cell, per-period meeting facts, each found by its unique key (cell and period). Adding
 * a closed meeting is idempotent: a meeting already counted in the period changes nothing.
 */
public interface CellPeriods {

    /** Counts the meeting in the period's facts; false if it was counted already. */
    boolean add(ClosedMeetingFacts meeting, Period period);

    /** The facts of the given cells in a period; cells without a closed meeting are absent. */
    Map<CellId, CellPeriodFacts> find(Collection<CellId> cells, Period period);
}
