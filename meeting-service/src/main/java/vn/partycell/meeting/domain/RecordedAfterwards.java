package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A meeting entered after it was held, from its paper minutes (ghi nhận sau từ biên bản giấy): who
 * entered it and when. Kept with the meeting and published with its close, so every figure counted
 * from it shows it was not recorded as it happened.
 */
public record RecordedAfterwards(String by, Instant at) {

    public RecordedAfterwards {
        Objects.requireNonNull(by, "who recorded the meeting");
        Objects.requireNonNull(at, "when the meeting was recorded");
    }
}
