package vn.partycell.evaluation.domain;

import java.util.function.Predicate;

/** The numbers a scorecard shows about meetings; each is the count of the entries it accepts. */
public enum Figure {
    /** Meetings attended: present or late. */
    ATTENDED(MeetingEntry::attended),
    /** Meetings the member came to late (also counted as attended). */
    LATE(e -> e.status() == AttendanceStatus.LATE),
    /** Excused absences. */
    EXCUSED(e -> e.status() == AttendanceStatus.EXCUSED),
    /** Unexcused absences. */
    MISSED(e -> e.status() == AttendanceStatus.ABSENT),
    /** Meetings at which the member spoke. */
    SPOKE(MeetingEntry::spoke);

    private final Predicate<MeetingEntry> counts;

    Figure(Predicate<MeetingEntry> counts) {
        this.counts = counts;
    }

    public boolean counts(MeetingEntry entry) {
        return counts.test(entry);
    }
}
