package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.AttendanceReply;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.kernel.OrgPath;

/** A member's answer to a notice; the id {@code <meetingId>:<memberId>} makes it one per meeting and member. */
@Document(MongoAttendanceReplyRepository.COLLECTION)
public record AttendanceReplyDocument(
        @Id String id,
        @Indexed String meetingId,
        String memberId,
        String cellId,
        String orgPath,
        AttendanceReply.Answer answer,
        String reason,
        Instant repliedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        long version) {

    static String idOf(MeetingId meetingId, MemberId memberId) {
        return meetingId + ":" + memberId;
    }

    static AttendanceReplyDocument from(AttendanceReply r) {
        return new AttendanceReplyDocument(
                idOf(r.meetingId(), r.memberId()),
                r.meetingId().toString(),
                r.memberId().toString(),
                r.cellId().toString(),
                r.orgPath().value(),
                r.answer(),
                r.reason(),
                r.repliedAt(),
                r.decidedBy(),
                r.decidedAt(),
                r.decisionNote(),
                r.version());
    }

    AttendanceReply toDomain() {
        return new AttendanceReply(
                MeetingId.of(meetingId),
                MemberId.of(memberId),
                CellId.of(cellId),
                OrgPath.of(orgPath),
                answer,
                reason,
                repliedAt,
                decidedBy,
                decidedAt,
                decisionNote,
                version);
    }
}
