package vn.partycell.meeting.application;

import java.util.Collection;
import java.util.Map;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CellPeriodFacts;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodGrade;

/**
 * Port: per-cell, per-period meeting facts, each found by its unique key (cell and period). Adding
 * a closed meeting is idempotent: a meeting already counted in the period changes nothing.
 */
public interface CellPeriods {

    /** Counts the meeting in the period's facts; false if it was counted already. */
    boolean add(ClosedMeetingFacts meeting, Period period);

    /**
     * Applies an approved amendment to the facts of a meeting counted in the period; false if it
     * was applied already or the period does not count the meeting.
     */
    boolean amend(AmendedMeetingFacts amendment, Period period);

    /** Un-counts a meeting the period counts (a cancelled or voided meeting); false if it counts none. */
    boolean remove(MeetingId meetingId, CellId cellId, Period period);

    /** Keeps a revision of a meeting's grade unless the period holds this one or a newer; false then. */
    boolean grade(PeriodGrade grade, Period period);

    /** The facts of the given cells in a period; cells without a closed meeting are absent. */
    Map<CellId, CellPeriodFacts> find(Collection<CellId> cells, Period period);
}
