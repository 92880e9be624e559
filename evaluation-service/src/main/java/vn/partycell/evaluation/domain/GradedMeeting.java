package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The superior's grade of one cell meeting (cấp ủy cấp trên đánh giá chất lượng sinh hoạt), one
 * revision of it: revision 1 is the grade, each later one a correction; the latest revision is the
 * grade in force. A fact of the cell in the meeting's month, for the cell's rating.
 *
 * @param scale the codes of the year's scale, best first: {@link #rank()} is the grade's place on it
 */
public record GradedMeeting(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        int year,
        int month,
        int revision,
        String grade,
        String label,
        List<String> scale,
        boolean attended,
        Instant gradedAt) {

    public GradedMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(gradedAt, "gradedAt");
        scale = List.copyOf(scale);
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1");
        }
        if (!scale.contains(grade)) {
            throw new IllegalArgumentException("grade " + grade + " is not on the scale " + scale);
        }
    }

    /** 0 for the best level of the year's scale, 1 for the next, and so on. */
    public int rank() {
        return scale.indexOf(grade);
    }

    /** The cell's period this grade counts in: the meeting's month, {@code yyyy-MM}. */
    public String period() {
        return "%04d-%02d".formatted(year, month);
    }
}
