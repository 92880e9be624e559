package vn.partycell.meeting.application;

import java.util.Collection;
import java.util.Set;
import vn.partycell.meeting.domain.CellEvent;

/**
 * Port: the overdue facts found so far, one per cell, kind and period, each stored with its event
 * in one write so that it is published exactly when it is recorded.
 */
public interface CellOverdues {

    /** Which of these keys ({@link CellEvent.MeetingOverdue#key()}) are recorded already. */
    Set<String> recorded(Collection<String> keys);

    /** Records the fact with its event; false if it was recorded already (another run, another replica). */
    boolean record(CellEvent.MeetingOverdue overdue);
}
