package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A meeting entered after it was held, from its paper minutes (ghi nhận sau), as its closing event
 * says: who entered it and when. Kept on every scorecard entry the meeting makes, so a figure shows
 * where it came from.
 */
public record RecordedAfterwards(String by, Instant at) {

    public RecordedAfterwards {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (by.isBlank()) {
            throw new IllegalArgumentException("by is blank");
        }
    }
}
