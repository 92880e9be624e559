package vn.partycell.evaluation.application;

import org.springframework.stereotype.Service;
import vn.partycell.evaluation.domain.GradedMeeting;

/**
 * Records the superior's grade of each meeting ({@code meetings.meeting.graded}) as a fact of the
 * cell in the meeting's month, for the cell's rating (DOMAIN §5: cells are rated from meeting
 * compliance and meeting quality). The latest revision of a meeting's grade is the one in force;
 * an older or repeated revision changes nothing, so a redelivery or a replay lands on the same facts.
 */
@Service
public class CellGradeProjection {

    private final CellGrades grades;

    public CellGradeProjection(CellGrades grades) {
        this.grades = grades;
    }

    public Effect onMeetingGraded(GradedMeeting grade) {
        return grades.record(grade) ? Effect.APPLIED : Effect.DUPLICATE;
    }
}
