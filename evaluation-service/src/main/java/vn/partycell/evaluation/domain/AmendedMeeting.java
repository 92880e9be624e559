package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * An approved amendment of a closed meeting's minutes (đính chính biên bản), as far as scorecards
 * need it: the meeting, and for each corrected member the line before (as the minutes stood after
 * every earlier approved amendment) and after. Applied once per member by {@code amendmentId}.
 *
 * @param year the calendar year of {@code startsAt} in Asia/Ho_Chi_Minh: the scorecard it corrects
 * @param month the month (1–12) of {@code startsAt} in Asia/Ho_Chi_Minh
 */
public record AmendedMeeting(
        MeetingId meetingId,
        UUID amendmentId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        int year,
        int month,
        Instant approvedAt,
        List<Line> corrections) {

    /** One corrected member: the line before and after the amendment. */
    public record Line(
            MemberId memberId,
            AttendanceStatus beforeStatus,
            boolean beforeSpoke,
            AttendanceStatus status,
            boolean spoke) {

        public Line {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(beforeStatus, "before.status");
            Objects.requireNonNull(status, "after.status");
        }
    }

    public AmendedMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(amendmentId, "amendmentId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(approvedAt, "approvedAt");
        LocalDate local = VietnamTime.date(startsAt);
        if (local.getYear() != year || local.getMonthValue() != month) {
            throw new IllegalArgumentException("year/month " + year + "/" + month + " is not the month of startsAt "
                    + startsAt + " in " + VietnamTime.ZONE);
        }
        corrections = List.copyOf(corrections);
        if (corrections.isEmpty()) {
            throw new IllegalArgumentException("an amendment corrects at least one member");
        }
        Set<MemberId> members = new HashSet<>();
        for (Line line : corrections) {
            if (!members.add(line.memberId())) {
                throw new IllegalArgumentException("the amendment corrects member " + line.memberId() + " twice");
            }
        }
    }

    /** The member's line as the minutes stood before this amendment. */
    public MeetingEntry minutes(Line line) {
        return new MeetingEntry(
                meetingId, cellId, orgPath, kind, title, startsAt, month, line.beforeStatus(), line.beforeSpoke());
    }

    public MeetingEntry.Correction correction(Line line) {
        return new MeetingEntry.Correction(
                amendmentId, approvedAt, line.beforeStatus(), line.beforeSpoke(), line.status(), line.spoke());
    }
}
