package vn.partycell.evaluation.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.platform.kernel.OrgPath;

/** Port: the yearly scorecards, and the cells they were built from. */
public interface ScorecardStore {

    Optional<Scorecard> find(UUID memberId, int year);

    /** The stored scorecards of these members for a year, by member; absent ones are left out. */
    default Map<UUID, Scorecard> findAll(Collection<UUID> memberIds, int year) {
        Map<UUID, Scorecard> found = new HashMap<>();
        for (UUID id : memberIds) {
            find(id, year).ifPresent(s -> found.put(id, s));
        }
        return found;
    }

    /** One conditional write as {@link #replace}, for a whole meeting's members. */
    record Replacement(Scorecard next, int storedMeetings, UUID addedMeeting) {}

    /**
     * Writes every replacement under the same conditions as {@link #replace}; returns the members
     * whose write did not apply (a lost race), which the caller retries one by one.
     */
    default List<UUID> replaceAll(List<Replacement> replacements) {
        return replacements.stream()
                .filter(r -> !replace(r.next(), r.storedMeetings(), r.addedMeeting()))
                .map(r -> r.next().memberId())
                .toList();
    }

    /**
     * Writes {@code next} in place of the version that was read, which held {@code storedMeetings}
     * meetings (0: none was stored) and not {@code addedMeeting}. One conditional write: false when
     * the stored scorecard is no longer that version (another write came first, or the meeting is
     * already on it), and then nothing was written.
     */
    boolean replace(Scorecard next, int storedMeetings, UUID addedMeeting);

    /**
     * Records the org path of a cell as its latest meeting reports it: kept only when the meeting
     * is later (by start time, then meeting id) than the one the stored path came from, so the
     * order meetings arrive in does not matter. False when nothing changed.
     */
    boolean recordCell(UUID cellId, OrgPath orgPath, Instant startsAt, UUID meetingId);

    Optional<OrgPath> cellPath(UUID cellId);

    /**
     * Scorecards of a year whose member's latest meeting was in the cell, with unexcused absences
     * in at least {@code minMonths} months: most months first, then by member id.
     */
    Page<Scorecard> withUnexcusedAbsenceMonths(UUID cellId, int year, int minMonths, Pageable page);
}
