package vn.partycell.evaluation.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.evaluation.domain.AmendedMeeting;
import vn.partycell.evaluation.domain.ClosedMeeting;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;

/**
 * Builds every member's yearly scorecard from closed meetings. Each scorecard holds the meetings
 * applied to it, one entry per meeting, and only adds a meeting it does not hold yet, in one
 * conditional write; its figures are derived from those entries. A redelivery, a second event
 * about the same meeting, or a replay from the start of the topic therefore changes nothing, and
 * a rebuild from an empty store gives the same documents.
 *
 * <p>The scorecard decides what its change tells others (an unexcused absence counted against the
 * year's removal-review policy, which lives only here in {@link PolicyProperties}); the event is
 * stored in the same conditional write, so a write that loses a race publishes nothing and a
 * meeting already on the scorecard is never announced twice.
 */
@Service
public class ScorecardProjection {

    private static final int MAX_ATTEMPTS = 10;

    private final ScorecardRepository scorecards;
    private final PolicyProperties policy;

    public ScorecardProjection(ScorecardRepository scorecards, PolicyProperties policy) {
        this.scorecards = scorecards;
        this.policy = policy;
    }

    public Effect onMeetingClosed(ClosedMeeting meeting) {
        boolean changed =
                scorecards.recordCell(meeting.cellId(), meeting.orgPath(), meeting.startsAt(), meeting.meetingId());
        Map<MemberId, MeetingEntry> entries = meeting.entries();
        int year = meeting.year();
        RemovalReviewPolicy rule = policy.removalReview(year);
        // One read and one bulk write for the whole meeting; only lost races go one by one.
        Map<MemberId, Scorecard> stored = scorecards.findAll(entries.keySet(), year);
        List<ScorecardRepository.Replacement> writes = new ArrayList<>();
        entries.forEach((memberId, entry) -> {
            Scorecard current = stored.get(memberId);
            if (current == null || !current.contains(entry.meetingId())) {
                writes.add(new ScorecardRepository.Replacement(
                        Scorecard.record(current, memberId, year, entry, rule),
                        current == null ? 0 : current.version(),
                        entry.meetingId()));
            }
        });
        List<MemberId> lost = writes.isEmpty() ? List.of() : scorecards.replaceAll(writes);
        changed |= writes.size() > lost.size();
        for (MemberId memberId : lost) {
            changed |= apply(memberId, year, entries.get(memberId), rule);
        }
        return changed ? Effect.APPLIED : Effect.DUPLICATE;
    }

    /**
     * Applies an approved amendment of a closed meeting ({@code meetings.meeting.amended}) to each
     * corrected member's scorecard of the meeting's year: the entry takes the corrected line and
     * keeps the amendment beside the line it replaced. Once per member and amendment id, in one
     * conditional write each, so a redelivery or a replay changes nothing; amendments applied in
     * any order, before or after the closed meeting itself, give the same scorecard.
     */
    public Effect onMeetingAmended(AmendedMeeting amendment) {
        int year = amendment.year();
        RemovalReviewPolicy rule = policy.removalReview(year);
        boolean changed = false;
        for (AmendedMeeting.Line line : amendment.corrections()) {
            changed |= correct(amendment, line, year, rule);
        }
        return changed ? Effect.APPLIED : Effect.DUPLICATE;
    }

    private boolean correct(AmendedMeeting amendment, AmendedMeeting.Line line, int year, RemovalReviewPolicy rule) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Scorecard> stored = scorecards.find(line.memberId(), year);
            if (stored.isPresent() && stored.get().corrected(amendment.meetingId(), amendment.amendmentId())) {
                return false;
            }
            var change = Scorecard.correct(
                    stored.orElse(null),
                    line.memberId(),
                    year,
                    amendment.minutes(line),
                    amendment.correction(line),
                    rule);
            if (scorecards.correct(change, stored.map(Scorecard::version).orElse(0))) {
                return true;
            }
        }
        throw new IllegalStateException("Scorecard " + line.memberId() + "/" + year + " not corrected after "
                + MAX_ATTEMPTS + " attempts: concurrent writes kept winning");
    }

    /**
     * Adds the meeting to the member's scorecard unless it is already there. A lost race with
     * another write to the same scorecard (a meeting of another partition) reads again and retries.
     */
    boolean apply(MemberId memberId, int year, MeetingEntry entry, RemovalReviewPolicy rule) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Scorecard> stored = scorecards.find(memberId, year);
            if (stored.isPresent() && stored.get().contains(entry.meetingId())) {
                return false;
            }
            var change = Scorecard.record(stored.orElse(null), memberId, year, entry, rule);
            int storedVersion = stored.map(Scorecard::version).orElse(0);
            if (scorecards.replace(change, storedVersion, entry.meetingId())) {
                return true;
            }
        }
        throw new IllegalStateException("Scorecard " + memberId + "/" + year + " not written after " + MAX_ATTEMPTS
                + " attempts: concurrent writes kept winning");
    }
}
