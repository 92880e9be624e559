package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a meeting's grade: the first grading (revision 1) or a correction of it (a later
 * revision, with its reason); never edited. {@code scale} is the year's scale it was given on, best
 * level first, so readers rank it without the policy. {@code attended} says whether the superior's
 * representative attended the meeting (dự sinh hoạt).
 */
public record GradeRecord(
        int revision,
        GradeLevel grade,
        List<String> scale,
        String comment,
        boolean attended,
        String gradedBy,
        String gradedByMemberId,
        Instant gradedAt,
        String correctionReason) {

    public GradeRecord {
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(gradedBy, "gradedBy");
        Objects.requireNonNull(gradedAt, "gradedAt");
        scale = List.copyOf(scale);
        if (revision < 1) {
            throw new IllegalArgumentException("revisions start at 1");
        }
        if (revision > 1 && correctionReason == null) {
            throw new IllegalArgumentException("a correction has its reason");
        }
    }
}
