package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;

/** A commendation (biểu dương) or criticism (phê bình) of one member of the cell, with its short reason. */
public record Remark(RemarkKind kind, MemberId memberId, String reason, String recordedBy, Instant recordedAt) {

    public Remark {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
