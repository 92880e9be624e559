package vn.partycell.evaluation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.partycell.platform.kernel.OrgPath;

/**
 * One closed meeting as it counts on one member's scorecard: which meeting, where and when it was
 * held, and what the minutes say about the member. Every figure of a scorecard is a count of these.
 *
 * @param month the month (1–12) of {@code startsAt} in Asia/Ho_Chi_Minh, as the meeting reported it
 * @param recordedAfterwards who entered the meeting after it was held, from its paper minutes, and
 *     when; null for a meeting held on the platform
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
        boolean spoke,
        List<Correction> corrections,
        RecordedAfterwards recordedAfterwards) {

    /**
     * One approved amendment of this member's line ({@code meetings.meeting.amended}), applied once
     * by its id.
     */
    public record Correction(
            UUID amendmentId,
            Instant approvedAt,
            AttendanceStatus beforeStatus,
            boolean beforeSpoke,
            AttendanceStatus status,
            boolean spoke) {

        public Correction {
            Objects.requireNonNull(amendmentId, "amendmentId");
            Objects.requireNonNull(approvedAt, "approvedAt");
            Objects.requireNonNull(beforeStatus, "beforeStatus");
            Objects.requireNonNull(status, "status");
        }

        /** Approval order: by approval time, then by id, whatever order the events arrived in. */
        static final Comparator<Correction> APPROVAL_ORDER =
                Comparator.comparing(Correction::approvedAt).thenComparing(c -> c.amendmentId.toString());
    }

    /** An entry as the closed minutes have it, with no amendment. */
    public MeetingEntry(
            MeetingId meetingId,
            CellId cellId,
            OrgPath orgPath,
            MeetingKind kind,
            String title,
            Instant startsAt,
            int month,
            AttendanceStatus status,
            boolean spoke) {
        this(meetingId, cellId, orgPath, kind, title, startsAt, month, status, spoke, List.of(), null);
    }

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
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    public boolean corrected(UUID amendmentId) {
        return corrections.stream().anyMatch(c -> c.amendmentId().equals(amendmentId));
    }

    /**
     * This entry with one more approved amendment. The line in force is the one of the latest
     * amendment in approval order, so amendments applied in any order give the same entry; an
     * amendment already applied changes nothing.
     */
    public MeetingEntry correct(Correction correction) {
        if (corrected(correction.amendmentId())) {
            return this;
        }
        List<Correction> all = new ArrayList<>(corrections);
        all.add(correction);
        all.sort(Correction.APPROVAL_ORDER);
        Correction latest = all.getLast();
        return new MeetingEntry(
                meetingId,
                cellId,
                orgPath,
                kind,
                title,
                startsAt,
                month,
                latest.status(),
                latest.spoke(),
                all,
                recordedAfterwards);
    }

    /** One write on the scorecard: the entry itself, and each amendment applied to it. */
    int writes() {
        return 1 + corrections.size();
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
