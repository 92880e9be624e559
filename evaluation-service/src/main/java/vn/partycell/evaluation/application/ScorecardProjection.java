package vn.partycell.evaluation.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.Scorecard;

/**
 * Builds every member's yearly scorecard from closed meetings. Each scorecard holds the meetings
 * applied to it, one entry per meeting, and only adds a meeting it does not hold yet, in one
 * conditional write; its figures are derived from those entries. A redelivery, a second event
 * about the same meeting, or a replay from the start of the topic therefore changes nothing, and
 * a rebuild from an empty store gives the same documents.
 */
@Service
public class ScorecardProjection {

    private static final int MAX_ATTEMPTS = 10;

    private final ScorecardRepository scorecards;

    public ScorecardProjection(ScorecardRepository scorecards) {
        this.scorecards = scorecards;
    }

    public Effect onMeetingClosed(ClosedMeeting meeting) {
        boolean changed =
                scorecards.recordCell(meeting.cellId(), meeting.orgPath(), meeting.startsAt(), meeting.meetingId());
        Map<MemberId, MeetingEntry> entries = meeting.entries();
        int year = meeting.year();
        // One read and one bulk write for the whole meeting; only lost races go one by one.
        Map<MemberId, Scorecard> stored = scorecards.findAll(entries.keySet(), year);
        List<ScorecardRepository.Replacement> writes = new ArrayList<>();
        entries.forEach((memberId, entry) -> {
            Scorecard current = stored.get(memberId);
            if (current == null || !current.contains(entry.meetingId())) {
                writes.add(new ScorecardRepository.Replacement(
                        current == null ? Scorecard.first(memberId, year, entry) : current.with(entry),
                        current == null ? 0 : current.meetings().size(),
                        entry.meetingId()));
            }
        });
        List<MemberId> lost = writes.isEmpty() ? List.of() : scorecards.replaceAll(writes);
        changed |= writes.size() > lost.size();
        for (MemberId memberId : lost) {
            changed |= apply(memberId, year, entries.get(memberId));
        }
        return changed ? Effect.APPLIED : Effect.DUPLICATE;
    }

    /**
     * Adds the meeting to the member's scorecard unless it is already there. A lost race with
     * another write to the same scorecard (a meeting of another partition) reads again and retries.
     */
    boolean apply(MemberId memberId, int year, MeetingEntry entry) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Scorecard> stored = scorecards.find(memberId, year);
            if (stored.isPresent() && stored.get().contains(entry.meetingId())) {
                return false;
            }
            Scorecard next = stored.map(s -> s.with(entry)).orElseGet(() -> Scorecard.first(memberId, year, entry));
            int storedMeetings = stored.map(s -> s.meetings().size()).orElse(0);
            if (scorecards.replace(next, storedMeetings, entry.meetingId())) {
                return true;
            }
        }
        throw new IllegalStateException("Scorecard " + memberId + "/" + year + " not written after " + MAX_ATTEMPTS
                + " attempts: concurrent writes kept winning");
    }
}
