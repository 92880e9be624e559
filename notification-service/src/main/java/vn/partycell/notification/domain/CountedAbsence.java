package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * An unexcused absence as evaluation-service counted it on the member's yearly scorecard: the
 * meeting missed, the months of the year with an unexcused absence so far, and the year's
 * removal-review policy. The thresholds are evaluation-service's policy; this service only quotes
 * them, so the notice and the removal-review list never disagree.
 *
 * @param unexcusedAbsenceMonths ascending, this meeting's month included
 */
public record CountedAbsence(
        MemberId memberId,
        int year,
        OrgPath orgPath,
        MeetingId meetingId,
        MeetingKind kind,
        String title,
        Instant startsAt,
        List<Integer> unexcusedAbsenceMonths,
        int warningMonths,
        int reviewMonths,
        RemovalReviewLevel removalReview) {

    public CountedAbsence {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(removalReview, "removalReview");
        unexcusedAbsenceMonths = List.copyOf(unexcusedAbsenceMonths);
        if (unexcusedAbsenceMonths.isEmpty()) {
            throw new IllegalArgumentException("an absence counts for at least one month");
        }
        if (warningMonths < 1 || reviewMonths <= warningMonths) {
            throw new IllegalArgumentException(
                    "warningMonths " + warningMonths + " and reviewMonths " + reviewMonths + " make no policy");
        }
    }

    /** Months still to go before the review threshold; 0 once it is reached. */
    public int monthsBeforeReview() {
        return Math.max(0, reviewMonths - unexcusedAbsenceMonths.size());
    }
}
