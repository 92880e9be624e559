package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Objects;

/** One contribution in the discussion (phát biểu ý kiến): who, on what (short), recorded when and by whom. */
public record Speech(MemberId memberId, String subject, String recordedBy, Instant recordedAt) {

    public Speech {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        subject = subject == null || subject.isBlank() ? null : subject.strip();
    }
}
