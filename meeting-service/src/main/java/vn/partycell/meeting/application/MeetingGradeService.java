package vn.partycell.meeting.application;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.GradeScale;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingGradeEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * The superior's grade of a meeting (cấp ủy cấp trên đánh giá chất lượng sinh hoạt): given by a
 * caller with the SUPERIOR role over the cell (a grant on the superior committee covers its cells;
 * the cell's own secretary and committee do not grade themselves), read by everyone who reads the
 * meeting.
 */
@Service
public class MeetingGradeService {

    private final MeetingGradeRepository grades;
    private final MeetingRepository meetings;
    private final MeetingGradePolicy policy;
    private final Clock clock;

    public MeetingGradeService(
            MeetingGradeRepository grades, MeetingRepository meetings, MeetingGradePolicy policy, Clock clock) {
        this.grades = grades;
        this.meetings = meetings;
        this.policy = policy;
        this.clock = clock;
    }

    /** What the representative gives: a level of the year's scale, a comment, whether they attended. */
    public record Grading(String grade, String comment, boolean attended) {}

    public MeetingGrade get(Caller caller, MeetingId id) {
        Meeting meeting = meeting(id);
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return grades.find(id).orElseThrow(() -> new NotFoundException("kết quả đánh giá buổi sinh hoạt", id));
    }

    /** The scale the meeting is graded on: the policy of the year it is held in. */
    public GradeScale scale(Caller caller, MeetingId id) {
        Meeting meeting = meeting(id);
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", id);
        return policy.scale(meeting.localStart().getYear());
    }

    public MeetingGrade grade(Caller caller, MeetingId id, Grading grading) {
        Meeting meeting = meeting(id);
        caller.requireRole(meeting.orgPath(), Role.SUPERIOR);
        if (grades.find(id).isPresent()) {
            throw new ConflictException(
                    "meeting-already-graded",
                    "Buổi sinh hoạt đã được đánh giá; muốn thay đổi hãy ghi bản sửa kèm lý do");
        }
        Change<MeetingGrade, MeetingGradeEvent> change = MeetingGrade.grade(
                meeting,
                policy.scale(meeting.localStart().getYear()),
                grading.grade(),
                grading.comment(),
                grading.attended(),
                caller.username(),
                caller.memberId().map(Object::toString).orElse(null),
                clock.instant());
        grades.insert(change);
        return change.state();
    }

    public MeetingGrade correct(Caller caller, MeetingId id, Long expectedVersion, Grading grading, String reason) {
        Meeting meeting = meeting(id);
        caller.requireRole(meeting.orgPath(), Role.SUPERIOR);
        MeetingGrade grade = grades.find(id)
                .orElseThrow(() -> new RuleViolationException(
                        "meeting-not-graded",
                        "Buổi sinh hoạt chưa được đánh giá; không có gì để sửa",
                        Map.of("field", "grade")));
        Versions.requireCurrent(expectedVersion, grade.version(), "Kết quả đánh giá");
        Change<MeetingGrade, MeetingGradeEvent> change = grade.correct(
                policy.scale(grade.month().getYear()),
                grading.grade(),
                grading.comment(),
                grading.attended(),
                reason,
                caller.username(),
                caller.memberId().map(Object::toString).orElse(null),
                clock.instant());
        grades.update(change, grade.version());
        return change.state();
    }

    private Meeting meeting(MeetingId id) {
        return meetings.find(id).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", id));
    }
}
