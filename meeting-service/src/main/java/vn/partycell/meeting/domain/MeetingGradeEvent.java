package vn.partycell.meeting.domain;

/** What happened to a meeting's grade that other contexts react to. */
public sealed interface MeetingGradeEvent {

    MeetingGrade grade();

    /** A grade or a correction of it was recorded: the cell's rating follows the latest revision. */
    record Graded(MeetingGrade grade) implements MeetingGradeEvent {}
}
