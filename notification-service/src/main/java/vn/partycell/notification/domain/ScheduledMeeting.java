package vn.partycell.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/** A scheduled cell meeting, as far as its notice needs it: what, when, where and the agenda. */
public record ScheduledMeeting(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        String place,
        List<String> agenda) {

    public ScheduledMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(place, "place");
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }
}
