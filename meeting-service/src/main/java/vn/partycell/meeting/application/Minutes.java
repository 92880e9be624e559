package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.meeting.domain.RecordedAfterwards;

/**
 * The minutes (biên bản) of a closed meeting as printed: what the meeting recorded, with the names
 * of the members as the roster has them, the month's self-criticism, the superior's grade and every
 * approved amendment. Each figure is taken from the stored records, never recomputed for print.
 * {@code recorded} says, for a meeting entered after it was held, who entered it and when (else null).
 */
public record Minutes(
        String cellName,
        MeetingKind kind,
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<String> agenda,
        List<Line> attendance,
        Quorum quorum,
        Instant closedAt,
        String closedBy,
        SelfCriticism selfCriticism,
        Grade grade,
        List<Correction> amendments,
        Instant printedAt,
        int speakers,
        List<Remark> remarks,
        List<ResolutionLine> resolutions,
        List<Task> tasks,
        RecordedAfterwards recorded) {

    public Minutes {
        agenda = List.copyOf(agenda);
        attendance = List.copyOf(attendance);
        amendments = List.copyOf(amendments);
        remarks = List.copyOf(remarks);
        resolutions = List.copyOf(resolutions);
        tasks = List.copyOf(tasks);
    }

    /** A commendation (biểu dương) or criticism (phê bình) of a named member. */
    public record Remark(boolean commendation, String fullName, String reason) {}

    /** A resolution with its vote counts and whether it passed under the year's rule. */
    public record ResolutionLine(
            String title, int votesFor, int votesAgainst, int abstentions, int required, boolean passed) {}

    /** A task assigned at the conclusion: its owner, what, and by when. */
    public record Task(String ownerName, String title, java.time.LocalDate dueOn) {}

    /** One member's attendance as the minutes have it at closing. */
    public record Line(String fullName, AttendanceStatus status, String reason, boolean spoke) {}

    /** The member picked to self-criticise in the meeting's month, and the outcome; null when none. */
    public record SelfCriticism(String fullName, Boolean done, String reason, String note) {}

    /** The superior's current grade of the meeting; null when not graded. */
    public record Grade(String label, String comment, String gradedBy, Instant gradedAt, String correctionReason) {}

    /** An approved amendment: when, by whom, why, and each line before → after. */
    public record Correction(Instant decidedAt, String decidedBy, String reason, List<String> changes) {

        public Correction {
            changes = List.copyOf(changes);
        }
    }
}
