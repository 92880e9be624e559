package vn.partycell.evaluation.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.Figure;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.RemovalReview;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.Tally;

/** What the scorecard endpoints answer: every number with the meetings that made it. */
public final class ScorecardResponses {

    private ScorecardResponses() {}

    /**
     * One meeting behind a number. Times are UTC on the wire; clients show Asia/Ho_Chi_Minh. {@code
     * status} and {@code spoke} are the line in force; {@code amendments} the approved corrections
     * behind it (đính chính biên bản), in approval order, each with the line it replaced.
     */
    public record MeetingRef(
            UUID meetingId,
            UUID cellId,
            String kind,
            String title,
            Instant startsAt,
            int month,
            AttendanceStatus status,
            boolean spoke,
            List<AmendmentRef> amendments) {

        static MeetingRef of(MeetingEntry e) {
            return new MeetingRef(
                    e.meetingId().value(),
                    e.cellId().value(),
                    e.kind().name(),
                    e.title(),
                    e.startsAt(),
                    e.month(),
                    e.status(),
                    e.spoke(),
                    e.corrections().stream().map(AmendmentRef::of).toList());
        }

        static List<MeetingRef> of(List<MeetingEntry> entries) {
            return entries.stream().map(MeetingRef::of).toList();
        }
    }

    /** An approved amendment of the member's line: when, the line before it, and the line it set. */
    public record AmendmentRef(
            UUID amendmentId,
            Instant approvedAt,
            AttendanceStatus beforeStatus,
            boolean beforeSpoke,
            AttendanceStatus status,
            boolean spoke) {

        static AmendmentRef of(MeetingEntry.Correction c) {
            return new AmendmentRef(
                    c.amendmentId(), c.approvedAt(), c.beforeStatus(), c.beforeSpoke(), c.status(), c.spoke());
        }
    }

    /** One number and the meetings that made it. */
    public record Count(int count, List<MeetingRef> meetings) {

        static Count of(Tally tally, Figure figure) {
            return new Count(tally.count(figure), MeetingRef.of(tally.entries(figure)));
        }
    }

    /**
     * The figures over a period: meetings the member was expected at, attended (present or late),
     * late, excused, missed (unexcused absence) and spoke.
     */
    public record Figures(Count meetings, Count attended, Count late, Count excused, Count missed, Count spoke) {

        static Figures of(Tally t) {
            return new Figures(
                    new Count(t.meetings().size(), MeetingRef.of(t.meetings())),
                    Count.of(t, Figure.ATTENDED),
                    Count.of(t, Figure.LATE),
                    Count.of(t, Figure.EXCUSED),
                    Count.of(t, Figure.MISSED),
                    Count.of(t, Figure.SPOKE));
        }
    }

    public record MonthFigures(int month, Figures figures) {}

    public record PolicyResponse(int warningMonths, int reviewMonths) {

        static PolicyResponse of(RemovalReviewPolicy p) {
            return new PolicyResponse(p.warningMonths(), p.reviewMonths());
        }
    }

    /** The removal-review level reached (null when none), with the months and absences behind it. */
    public record RemovalReviewResponse(
            RemovalReview.Level level,
            int unexcusedAbsenceMonthCount,
            List<Integer> months,
            List<MeetingRef> meetings,
            PolicyResponse policy) {

        static RemovalReviewResponse of(Scorecard s, RemovalReviewPolicy policy, RemovalReview review) {
            return new RemovalReviewResponse(
                    review == null ? null : review.level(),
                    s.unexcusedAbsenceMonths().size(),
                    s.unexcusedAbsenceMonths(),
                    MeetingRef.of(s.unexcusedAbsences()),
                    PolicyResponse.of(policy));
        }
    }

    public record ScorecardResponse(
            UUID memberId,
            int year,
            UUID cellId,
            String orgPath,
            Figures totals,
            List<MonthFigures> months,
            RemovalReviewResponse removalReview) {

        static ScorecardResponse of(Scorecard s, RemovalReviewPolicy policy, RemovalReview review) {
            return new ScorecardResponse(
                    s.memberId().value(),
                    s.year(),
                    s.cellId().value(),
                    s.orgPath().value(),
                    Figures.of(s.totals()),
                    IntStream.rangeClosed(1, 12)
                            .mapToObj(m -> new MonthFigures(m, Figures.of(s.month(m))))
                            .toList(),
                    RemovalReviewResponse.of(s, policy, review));
        }
    }

    /** A member of the cell flagged for the removal review. */
    public record FlaggedMemberResponse(
            UUID memberId,
            int year,
            UUID cellId,
            String orgPath,
            RemovalReview.Level level,
            int unexcusedAbsenceMonthCount,
            List<Integer> months,
            List<MeetingRef> meetings,
            PolicyResponse policy) {

        static FlaggedMemberResponse of(Scorecard s, RemovalReview review) {
            return new FlaggedMemberResponse(
                    s.memberId().value(),
                    s.year(),
                    s.cellId().value(),
                    s.orgPath().value(),
                    review.level(),
                    review.months().size(),
                    review.months(),
                    MeetingRef.of(review.absences()),
                    PolicyResponse.of(review.policy()));
        }
    }
}
