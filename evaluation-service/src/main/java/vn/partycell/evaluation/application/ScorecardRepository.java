package vn.partycell.evaluation.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MeetingId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** Port: the yearly scorecards, and the cells they were built from. */
public interface ScorecardRepository {

    Optional<Scorecard> find(MemberId memberId, int year);

    /** The stored scorecards of these members for a year, by member; absent ones are left out. */
    default Map<MemberId, Scorecard> findAll(Collection<MemberId> memberIds, int year) {
        Map<MemberId, Scorecard> found = new HashMap<>();
        for (MemberId id : memberIds) {
            find(id, year).ifPresent(s -> found.put(id, s));
        }
        return found;
    }

    /** One conditional write as {@link #replace}, for a whole meeting's members. */
    record Replacement(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting) {

        public Scorecard next() {
            return change.state();
        }
    }

    /**
     * Writes every replacement under the same conditions as {@link #replace}; returns the members
     * whose write did not apply (a lost race), which the caller retries one by one.
     */
    default List<MemberId> replaceAll(List<Replacement> replacements) {
        return replacements.stream()
                .filter(r -> !replace(r.change(), r.storedVersion(), r.addedMeeting()))
                .map(r -> r.next().memberId())
                .toList();
    }

    /**
     * Writes the change's scorecard in place of the version that was read ({@link
     * Scorecard#version()} {@code storedVersion}; 0: none was stored), which did not hold {@code
     * addedMeeting}, together with the
     * events the scorecard decided (the outbox). One conditional write: false when the stored
     * scorecard is no longer that version (another write came first, or the meeting is already on
     * it), and then nothing was written and nothing will be published.
     */
    boolean replace(Change<Scorecard, ScorecardEvent> change, int storedVersion, MeetingId addedMeeting);

    /**
     * Writes a corrected scorecard (an amendment applied) in place of the version that was read
     * ({@code storedVersion}; 0: none was stored), with its events, in one conditional write; false
     * when another write came first, and then nothing was written.
     */
    boolean correct(Change<Scorecard, ScorecardEvent> change, int storedVersion);

    /**
     * Records the org path of a cell as its latest meeting reports it: kept only when the meeting
     * is later (by start time, then meeting id) than the one the stored path came from, so the
     * order meetings arrive in does not matter. False when nothing changed.
     */
    boolean recordCell(CellId cellId, OrgPath orgPath, Instant startsAt, MeetingId meetingId);

    Optional<OrgPath> cellPath(CellId cellId);

    /**
     * Scorecards of a year whose member's latest meeting was in the cell, with unexcused absences
     * in at least {@code minMonths} months: most months first, then by member id (the page's own
     * sort is not used: this list has one order).
     */
    ResultPage<Scorecard> withUnexcusedAbsenceMonths(CellId cellId, int year, int minMonths, PageQuery page);
}
