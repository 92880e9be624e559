package vn.partycell.meeting.domain;

import java.util.Objects;

/**
 * One cell's meeting facts in one period (the compliance read model): closed meetings by kind,
 * attendance lines and attendances summed over them (as amended), speakers summed over them, and
 * the superior's grade of the period: the lowest grade in force among its graded meetings ({@code
 * gradeRank} its place on the year's scale, 0 for the best), {@code null} while none is graded.
 */
public record CellPeriodFacts(
        CellId cellId,
        Period period,
        int regular,
        int thematic,
        int closed,
        long expected,
        long attended,
        long speakers,
        String grade,
        Integer gradeRank) {

    public CellPeriodFacts {
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(period);
    }

    /** A period in which the cell closed no meeting. */
    public static CellPeriodFacts none(CellId cellId, Period period) {
        return new CellPeriodFacts(cellId, period, 0, 0, 0, 0, 0, 0, null, null);
    }

    /** Closed meetings of a kind; only regular and thematic meetings are counted apart. */
    public int closedOf(MeetingKind kind) {
        return switch (kind) {
            case REGULAR -> regular;
            case THEMATIC -> thematic;
            default -> closed - regular - thematic;
        };
    }

    /** Attended over attendance lines, 0..1; null without any closed meeting. */
    public Double attendanceRate() {
        return expected == 0 ? null : (double) attended / expected;
    }

    /** Speakers per closed meeting; null without any closed meeting. */
    public Double averageSpeakers() {
        return closed == 0 ? null : (double) speakers / closed;
    }
}
