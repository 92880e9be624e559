package vn.partycell.evaluation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.partycell.platform.kernel.OrgPath;

/** What a change of a scorecard tells the other services; the scorecard decides it ({@link Scorecard#record}). */
public sealed interface ScorecardEvent {

    MemberId memberId();

    /**
     * A meeting at which the member was absent without excuse was added to the scorecard: the months
     * with an unexcused absence as the scorecard stands after it, and the year's removal-review
     * policy, so whoever words it quotes real figures without holding the policy.
     *
     * @param meeting the entry just added (its cell and org path are where the absence happened)
     * @param unexcusedAbsenceMonths ascending, each once, this meeting's month included
     * @param version the scorecard's {@link Scorecard#version()} after the write (its meetings, plus the
     *     amendments applied); a higher version is newer
     */
    record UnexcusedAbsenceCounted(
            MemberId memberId,
            int year,
            MeetingEntry meeting,
            List<Integer> unexcusedAbsenceMonths,
            RemovalReviewPolicy policy,
            int version)
            implements ScorecardEvent {

        public UnexcusedAbsenceCounted {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(meeting, "meeting");
            Objects.requireNonNull(policy, "policy");
            unexcusedAbsenceMonths = List.copyOf(unexcusedAbsenceMonths);
            if (!unexcusedAbsenceMonths.contains(meeting.month())) {
                throw new IllegalArgumentException("the months must include the month of the absence");
            }
        }

        public CellId cellId() {
            return meeting.cellId();
        }

        public OrgPath orgPath() {
            return meeting.orgPath();
        }

        /** The removal-review level the scorecard reaches with this absence; empty below the warning. */
        public Optional<RemovalReview.Level> removalReview() {
            return RemovalReview.levelOf(unexcusedAbsenceMonths.size(), policy);
        }
    }
}
