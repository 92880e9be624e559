package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What came of the month's self-criticism (kết quả tự phê bình): done, or not done with the reason;
 * a short note either way, who recorded it and when.
 */
public record SelfCriticismOutcome(boolean done, String reason, String note, String recordedBy, Instant recordedAt) {

    public SelfCriticismOutcome {
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
