package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * A closed cell meeting with its final attendance, as far as scorecards need it. The month it
 * counts for is the month of {@code startsAt} in Asia/Ho_Chi_Minh; each member is listed once.
 *
 * @param year the calendar year of {@code startsAt} in Asia/Ho_Chi_Minh: the scorecard it goes on
 * @param month the month (1–12) of {@code startsAt} in Asia/Ho_Chi_Minh
 * @param recordedAfterwards who entered the meeting after it was held and when; null for one held on
 *     the platform (or an event before revision 3)
 */
public record ClosedMeeting(
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        int year,
        int month,
        List<Attendance> attendance,
        RecordedAfterwards recordedAfterwards) {

    /** A meeting held on the platform. */
    public ClosedMeeting(
            MeetingId meetingId,
            CellId cellId,
            OrgPath orgPath,
            MeetingKind kind,
            String title,
            Instant startsAt,
            int year,
            int month,
            List<Attendance> attendance) {
        this(meetingId, cellId, orgPath, kind, title, startsAt, year, month, attendance, null);
    }

    /** One member's line in the final attendance. */
    public record Attendance(MemberId memberId, AttendanceStatus status, boolean spoke) {

        public Attendance {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(status, "status");
        }
    }

    public ClosedMeeting {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(attendance, "attendance");
        LocalDate local = VietnamTime.date(startsAt);
        if (local.getYear() != year || local.getMonthValue() != month) {
            throw new IllegalArgumentException("year/month " + year + "/" + month + " is not the month of startsAt "
                    + startsAt + " in " + VietnamTime.ZONE);
        }
        attendance = List.copyOf(attendance);
        Set<MemberId> members = new HashSet<>();
        for (Attendance line : attendance) {
            if (!members.add(line.memberId())) {
                throw new IllegalArgumentException("the attendance lists member " + line.memberId() + " twice");
            }
        }
    }

    /** The entry this meeting puts on each listed member's scorecard, in attendance order. */
    public Map<MemberId, MeetingEntry> entries() {
        Map<MemberId, MeetingEntry> entries = new LinkedHashMap<>();
        for (Attendance line : attendance) {
            entries.put(
                    line.memberId(),
                    new MeetingEntry(
                            meetingId,
                            cellId,
                            orgPath,
                            kind,
                            title,
                            startsAt,
                            month,
                            line.status(),
                            line.spoke(),
                            List.of(),
                            recordedAfterwards));
        }
        return entries;
    }
}
