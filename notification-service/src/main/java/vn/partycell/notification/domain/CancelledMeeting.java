package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/** A cancelled meeting (meetings.meeting.cancelled), as far as its notice needs it. */
public record CancelledMeeting(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        String reason,
        long version) {

    public CancelledMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(reason, "reason");
    }
}
