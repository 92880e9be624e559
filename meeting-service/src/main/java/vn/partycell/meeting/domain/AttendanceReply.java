package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A member's answer to a meeting's notice (xác nhận tham dự / xin vắng): they will attend, or they
 * ask in advance to be excused with a reason, which the secretary accepts or refuses. One per
 * meeting and member; the member may change it until the meeting starts or the excuse is decided.
 * An accepted excuse pre-fills EXCUSED attendance when the meeting starts.
 */
public record AttendanceReply(
        MeetingId meetingId,
        MemberId memberId,
        CellId cellId,
        OrgPath orgPath,
        Answer answer,
        String reason,
        Instant repliedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        long version) {

    public enum Answer {
        ATTENDING,
        EXCUSE_REQUESTED,
        EXCUSE_ACCEPTED,
        EXCUSE_REFUSED
    }

    public AttendanceReply {
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(answer);
    }

    /**
     * The member's answer to a scheduled meeting: attending, or asking to be excused (a reason is
     * required). {@code previous} is their earlier answer, or null; a decided excuse is final.
     */
    public static Change<AttendanceReply, AttendanceReplyEvent> reply(
            AttendanceReply previous,
            Meeting meeting,
            Roster roster,
            MemberId member,
            boolean attending,
            String reason,
            Instant now) {
        meeting.requireScheduled();
        if (!roster.isActiveMember(member)) {
            throw new RuleViolationException(
                    "not-in-roster",
                    "Chỉ đảng viên đang sinh hoạt tại chi bộ mới trả lời thông báo họp",
                    Map.of("field", "memberId"));
        }
        if (previous != null
                && (previous.answer == Answer.EXCUSE_ACCEPTED || previous.answer == Answer.EXCUSE_REFUSED)) {
            throw new ConflictException(
                    "excuse-decided",
                    "Đơn xin vắng đã được chi ủy xem xét; không thể thay đổi",
                    Map.of("field", "answer"));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (!attending && why == null) {
            throw new RuleViolationException("reason-required", "Xin vắng cần ghi rõ lý do", Map.of("field", "reason"));
        }
        AttendanceReply next = new AttendanceReply(
                meeting.id(),
                member,
                meeting.cellId(),
                meeting.orgPath(),
                attending ? Answer.ATTENDING : Answer.EXCUSE_REQUESTED,
                attending ? null : why,
                now,
                null,
                null,
                null,
                previous == null ? 1 : previous.version + 1);
        return Change.silent(next);
    }

    /** The secretary's decision on an excuse asked for before the meeting; the member is told. */
    public Change<AttendanceReply, AttendanceReplyEvent> decide(
            Meeting meeting, boolean accepted, String note, String by, Instant now) {
        meeting.requireScheduled();
        if (answer != Answer.EXCUSE_REQUESTED) {
            throw new RuleViolationException(
                    "no-excuse-pending",
                    "Không có đơn xin vắng đang chờ xem xét",
                    Map.of("field", "accepted", "answer", answer.name()));
        }
        AttendanceReply decided = new AttendanceReply(
                meetingId,
                memberId,
                cellId,
                orgPath,
                accepted ? Answer.EXCUSE_ACCEPTED : Answer.EXCUSE_REFUSED,
                reason,
                repliedAt,
                by,
                now,
                note == null || note.isBlank() ? null : note.strip(),
                version + 1);
        return Change.of(decided, new AttendanceReplyEvent.ExcuseDecided(decided, meeting));
    }
}
