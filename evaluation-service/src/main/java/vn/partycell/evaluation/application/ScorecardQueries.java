package vn.partycell.evaluation.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.MemberId;
import vn.partycell.evaluation.domain.MemberTasks;
import vn.partycell.evaluation.domain.RemovalReview;
import vn.partycell.evaluation.domain.RemovalReviewPolicy;
import vn.partycell.evaluation.domain.Scorecard;
import vn.partycell.evaluation.domain.TaskCondition;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/** Reading scorecards and the removal-review list, within the caller's scope. */
@Service
public class ScorecardQueries {

    /** A scorecard with what the year's policy makes of it. */
    public record ScorecardView(
            Scorecard scorecard,
            RemovalReviewPolicy policy,
            Optional<RemovalReview> review,
            MemberTasks tasks,
            TaskCondition taskCondition) {}

    /** One member of a cell flagged for the removal review. */
    public record Flagged(Scorecard scorecard, RemovalReview review) {}

    private final ScorecardRepository scorecards;
    private final MemberTaskRepository tasks;
    private final PolicyProperties policy;
    private final Clock clock;

    public ScorecardQueries(
            ScorecardRepository scorecards, MemberTaskRepository tasks, PolicyProperties policy, Clock clock) {
        this.scorecards = scorecards;
        this.tasks = tasks;
        this.policy = policy;
        this.clock = clock;
    }

    /** The current year where the members live (Asia/Ho_Chi_Minh). */
    public int currentYear() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
    }

    /**
     * A member's scorecard: the member reads their own; anyone else needs a committee (or higher)
     * grant covering the org path of the member's latest meeting. Out of scope looks exactly like
     * "no scorecard" (404); a plain member asking for a colleague's gets 403.
     */
    public ScorecardView scorecard(Caller caller, MemberId memberId, int year) {
        String resource = "bảng điểm năm " + year + " của đảng viên";
        Scorecard scorecard =
                scorecards.find(memberId, year).orElseThrow(() -> new NotFoundException(resource, memberId));
        if (!caller.isMember(memberId.value())) {
            // Out of scope: 404. In scope but a plain member: a colleague's record is not theirs to read.
            caller.requireRead(scorecard.orgPath(), resource, memberId);
            caller.requireRole(scorecard.orgPath(), Role.COMMITTEE);
        }
        RemovalReviewPolicy rule = policy.removalReview(year);
        // Read only once the caller may see the scorecard: the task facts add no other way in.
        MemberTasks memberTasks = tasks.find(memberId, year).orElseGet(() -> MemberTasks.none(memberId, year));
        return new ScorecardView(
                scorecard,
                rule,
                RemovalReview.assess(scorecard, rule),
                memberTasks,
                TaskCondition.assess(memberTasks, policy.tasks(year)));
    }

    /**
     * Members of a cell whose unexcused absences in the year reach the warning level: for the cell's
     * committee (committee, secretary) and those above it. Unknown cell or out of scope: 404; a
     * plain member of the cell: 403.
     */
    public ResultPage<Flagged> removalReviews(Caller caller, CellId cellId, int year, PageQuery page) {
        OrgPath path = scorecards.cellPath(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(path, "chi bộ", cellId);
        caller.requireRole(path, Role.COMMITTEE);
        RemovalReviewPolicy rule = policy.removalReview(year);
        return scorecards
                .withUnexcusedAbsenceMonths(cellId, year, rule.warningMonths(), page)
                .map(s -> new Flagged(
                        s,
                        RemovalReview.assess(s, rule)
                                .orElseThrow(() -> new IllegalStateException(
                                        "Scorecard " + s.memberId() + " is below the warning level"))));
    }
}
