package vn.partycell.evaluation.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import vn.partycell.evaluation.domain.AttendanceStatus;
import vn.partycell.evaluation.domain.Figure;
import vn.partycell.evaluation.domain.MeetingEntry;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.RemovalReview;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.Tally;
import vn.partycell.evaluation.domain.TaskCondition;
import vn.partycell.evaluation.domain.TaskFigure;
import vn.partycell.evaluation.domain.TaskLine;
import vn.partycell.evaluation.domain.TaskOutcome;

/** What the scorecard endpoints answer: every number with the meetings (or tasks) that made it. */
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
            List<AmendmentRef> amendments,

            @Schema(
                    description = "Buổi sinh hoạt được ghi nhận sau từ biên bản giấy: ai ghi, lúc nào;"
                            + " không có với buổi sinh hoạt tổ chức trên hệ thống",
                    nullable = true)
            RecordedRef recordedAfterwards) {

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
                    e.corrections().stream().map(AmendmentRef::of).toList(),
                    e.recordedAfterwards() == null
                            ? null
                            : new RecordedRef(
                                    e.recordedAfterwards().by(),
                                    e.recordedAfterwards().at()));
        }

        static List<MeetingRef> of(List<MeetingEntry> entries) {
            return entries.stream().map(MeetingRef::of).toList();
        }
    }

    /** Who entered a meeting after it was held (from its paper minutes), and when. */
    public record RecordedRef(String by, Instant at) {}

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

    /**
     * One task behind a number: the task, the meeting it was assigned at, its due date, what the
     * assignment said (null until it arrived) and the outcome in force (null while open), with the
     * task version it came from.
     */
    public record TaskRef(
            UUID taskId,
            UUID meetingId,
            UUID cellId,
            String title,
            LocalDate dueOn,
            Instant assignedAt,
            TaskOutcome outcome,
            LocalDate outcomeOn,
            boolean beyondAsked,
            long outcomeVersion) {

        static TaskRef of(TaskLine t) {
            return new TaskRef(
                    t.taskId().value(),
                    t.meetingId().value(),
                    t.cellId().value(),
                    t.title(),
                    t.dueOn(),
                    t.assignedAt(),
                    t.outcome(),
                    t.outcomeOn(),
                    t.beyondAsked(),
                    t.outcomeVersion());
        }

        static List<TaskRef> of(List<TaskLine> lines) {
            return lines.stream().map(TaskRef::of).toList();
        }
    }

    /** One task number and the tasks that made it. */
    public record TaskCount(int count, List<TaskRef> tasks) {

        static TaskCount of(MemberTasks.Tally tally, TaskFigure figure) {
            return new TaskCount(tally.count(figure), TaskRef.of(tally.lines(figure)));
        }
    }

    /**
     * The task figures over a period (tasks due in it): assigned, done on time, done late, overdue,
     * open, and done beyond what was asked; each task counts once, by its latest outcome.
     */
    public record TaskFigures(
            TaskCount assigned,
            TaskCount doneOnTime,
            TaskCount doneLate,
            TaskCount overdue,
            TaskCount open,
            TaskCount beyondAsked) {

        static TaskFigures of(MemberTasks.Tally t) {
            return new TaskFigures(
                    TaskCount.of(t, TaskFigure.ASSIGNED),
                    TaskCount.of(t, TaskFigure.DONE_ON_TIME),
                    TaskCount.of(t, TaskFigure.DONE_LATE),
                    TaskCount.of(t, TaskFigure.OVERDUE),
                    TaskCount.of(t, TaskFigure.OPEN),
                    TaskCount.of(t, TaskFigure.BEYOND_ASKED));
        }
    }

    public record QuarterTaskFigures(int quarter, TaskFigures figures) {}

    /**
     * The year's task condition on the rating (tasks.all-on-time-for-good): whether it applies, is
     * met, why (Vietnamese), and the tasks that break it.
     */
    public record TaskConditionResponse(
            boolean allOnTimeForGood, boolean met, List<String> reasons, List<TaskRef> tasks) {

        static TaskConditionResponse of(TaskCondition c) {
            return new TaskConditionResponse(c.required(), c.met(), c.reasons(), TaskRef.of(c.failing()));
        }
    }

    /** The member's tasks due in the year: totals, per quarter, and the year's task condition. */
    public record TasksResponse(
            TaskFigures totals, List<QuarterTaskFigures> quarters, TaskConditionResponse condition) {

        static TasksResponse of(MemberTasks tasks, TaskCondition condition) {
            return new TasksResponse(
                    TaskFigures.of(tasks.totals()),
                    IntStream.rangeClosed(1, 4)
                            .mapToObj(q -> new QuarterTaskFigures(q, TaskFigures.of(tasks.quarter(q))))
                            .toList(),
                    TaskConditionResponse.of(condition));
        }
    }

    public record ScorecardResponse(
            UUID memberId,
            int year,
            UUID cellId,
            String orgPath,
            Figures totals,
            List<MonthFigures> months,
            RemovalReviewResponse removalReview,
            TasksResponse tasks) {

        static ScorecardResponse of(
                Scorecard s,
                RemovalReviewPolicy policy,
                RemovalReview review,
                MemberTasks tasks,
                TaskCondition taskCondition) {
            return new ScorecardResponse(
                    s.memberId().value(),
                    s.year(),
                    s.cellId().value(),
                    s.orgPath().value(),
                    Figures.of(s.totals()),
                    IntStream.rangeClosed(1, 12)
                            .mapToObj(m -> new MonthFigures(m, Figures.of(s.month(m))))
                            .toList(),
                    RemovalReviewResponse.of(s, policy, review),
                    TasksResponse.of(tasks, taskCondition));
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
