package vn.partycell.meeting.application;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.AmendedMeetingFacts;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeetingFacts;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.Period;
import vn.partycell.meeting.domain.PeriodGrade;
import vn.partycell.meeting.domain.PeriodLength;
import vn.partycell.meeting.domain.WatchedUnit;

/**
 * Builds the compliance read model from events: the org nodes from member-service (every kind, so
 * that a superior's committee is known and dissolved cells are left out), and each closed meeting
 * from meeting-service's own {@code meetings.meeting.closed} (then {@code amended}, {@code graded},
 * {@code cancelled}), read back from the topic rather than
 * written beside the meeting: the meeting document stays the lifecycle's alone, and the outbox
 * guarantees the event. Each step is idempotent (a meeting is counted once per period document), so
 * a redelivery or a replay of the topic from the start lands on the same facts.
 */
@Service
public class ComplianceProjection {

    private final WatchedUnits units;
    private final CellPeriods periods;

    public ComplianceProjection(WatchedUnits units, CellPeriods periods) {
        this.units = units;
        this.periods = periods;
    }

    public RosterUpdate onOrgUnitChanged(WatchedUnit unit, Occurrence occurrence) {
        return units.saveIfNewer(unit, occurrence) ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }

    /** Counts the meeting in its month and its quarter; each write is idempotent on its own. */
    public RosterUpdate onMeetingClosed(ClosedMeetingFacts meeting, Occurrence occurrence) {
        boolean applied = false;
        for (PeriodLength length : PeriodLength.values()) {
            applied |= periods.add(meeting, meeting.period(length));
        }
        return applied ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }

    /**
     * An approved amendment moves the attendance and speaker counts of its meeting's month and
     * quarter, once per amendment. NOT_KEPT when no period counts the meeting (its closed event was
     * not applied: dead-lettered).
     */
    public RosterUpdate onMeetingAmended(AmendedMeetingFacts amendment, Occurrence occurrence) {
        boolean applied = false;
        for (PeriodLength length : PeriodLength.values()) {
            applied |= periods.amend(amendment, amendment.period(length));
        }
        return applied ? RosterUpdate.APPLIED : RosterUpdate.NOT_KEPT;
    }

    /**
     * A cancelled meeting is un-counted from its month and quarter if they count it (a closed meeting
     * is never cancelled today, so this finds nothing unless a voided meeting is published as one).
     */
    public RosterUpdate onMeetingCancelled(
            MeetingId meetingId, CellId cellId, LocalDate heldOn, Occurrence occurrence) {
        boolean applied = false;
        for (PeriodLength length : PeriodLength.values()) {
            applied |= periods.remove(meetingId, cellId, Period.containing(heldOn, length));
        }
        return applied ? RosterUpdate.APPLIED : RosterUpdate.NOT_KEPT;
    }

    /** The superior's grade goes on the meeting's month and quarter, the latest revision in force. */
    public RosterUpdate onMeetingGraded(PeriodGrade grade, Occurrence occurrence) {
        boolean applied = false;
        for (PeriodLength length : PeriodLength.values()) {
            applied |= periods.grade(grade, grade.period(length));
        }
        return applied ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }
}
