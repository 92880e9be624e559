package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/** A cancelled meeting (hủy): with its reason, when and by whom, and the state it was cancelled from. */
public record CancelledMeeting(
        MeetingId id,
        CellId cellId,
        OrgPath orgPath,
        MeetingPlan plan,
        MeetingStatus cancelledFrom,
        String reason,
        Instant cancelledAt,
        String cancelledBy,
        long version)
        implements Meeting {

    public CancelledMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(reason, "a cancellation has its reason");
        Objects.requireNonNull(cancelledAt);
        Objects.requireNonNull(cancelledBy);
    }

    @Override
    public MeetingStatus status() {
        return MeetingStatus.CANCELLED;
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required", "Hủy buổi sinh hoạt cần ghi rõ lý do", Map.of("field", "reason"));
        }
        return reason.strip();
    }
}
