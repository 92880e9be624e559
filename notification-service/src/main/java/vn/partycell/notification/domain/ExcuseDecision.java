package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/** The secretary's decision on a member's excuse (meetings.meeting.excuse-decided). */
public record ExcuseDecision(
        MeetingId meetingId,
        MemberId memberId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        boolean accepted,
        String reason,
        String note) {

    public ExcuseDecision {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
