package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Why a member present at a meeting is given no task (lý do không giao nhiệm vụ), recorded by the
 * secretary: the seeds' target is a task for 100% of members, "suited to their ability,
 * circumstances and health", so an exception is written down, one reason per member.
 */
public record TaskWaiver(MeetingId meetingId, MemberId memberId, String reason, String recordedBy, Instant recordedAt) {

    public TaskWaiver {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** Recorded at the conclusion of a meeting in progress, for a member who attended it. */
    public static TaskWaiver record(
            InProgressMeeting meeting, Roster roster, MemberId member, String reason, String by, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException(
                    "reason-required", "Cần ghi rõ lý do không giao nhiệm vụ", Map.of("field", "reason"));
        }
        MeetingTask.requirePresent(meeting, roster, member, "memberId");
        return new TaskWaiver(meeting.id(), member, reason, by, now);
    }
}
