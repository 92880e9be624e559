package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.util.Objects;
import vn.partycell.platform.kernel.OrgPath;

/**
 * One closed meeting as it counts on one member's scorecard: which meeting, where and when it was
 * held, and what the minutes say about the member. Every figure of a scorecard is a count of these.
 *
 * @param month the month (1–12) of {@code startsAt} in Asia/Ho_Chi_Minh, as the meeting reported it
 */
public record MeetingEntry(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        int month,
        AttendanceStatus status,
        boolean spoke) {

    public MeetingEntry {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(status, "status");
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Tháng phải từ 1 đến 12, nhận được " + month);
        }
    }

    /** Present or late: the member took part. */
    public boolean attended() {
        return status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE;
    }

    /** The order entries are kept in: by start time, then by meeting id, whatever order they arrived in. */
    public static int chronologically(MeetingEntry a, MeetingEntry b) {
        int byTime = a.startsAt.compareTo(b.startsAt);
        return byTime != 0 ? byTime : a.meetingId.compareTo(b.meetingId);
    }
}
