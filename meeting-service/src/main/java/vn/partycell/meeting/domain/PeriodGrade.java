package vn.partycell.meeting.domain;

import java.util.Objects;

/**
 * One revision of the superior's grade of a meeting (meetings.meeting.graded) as a cell's period
 * facts keep it: the level's code and its place on the year's scale ({@code rank}, 0 for the best).
 * The latest revision of each meeting is in force.
 */
public record PeriodGrade(
        MeetingId meetingId, CellId cellId, int year, int month, int revision, String grade, int rank) {

    public PeriodGrade {
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(grade);
        if (month < 1 || month > 12 || revision < 1 || rank < 0) {
            throw new IllegalArgumentException(
                    "inconsistent grade: month %d, revision %d, rank %d".formatted(month, revision, rank));
        }
    }

    public Period period(PeriodLength length) {
        return Period.containing(java.time.LocalDate.of(year, month, 1), length);
    }
}
