package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.platform.kernel.OrgPath;

/** An amendment of closed minutes as stored; found by id and by meeting. */
@Document(MongoAmendmentRepository.COLLECTION)
public record AmendmentDocument(
        @Id String id,
        @Indexed String meetingId,
        String cellId,
        String orgPath,
        List<CorrectionEntry> corrections,
        String reason,
        String proposedBy,
        Instant proposedAt,
        Amendment.Status status,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        long version) {

    public record Line(String memberId, AttendanceStatus status, String reason, boolean spoke) {

        static Line of(Attendance a) {
            return a == null ? null : new Line(a.memberId().toString(), a.status(), a.reason(), a.spoke());
        }

        Attendance toDomain() {
            return new Attendance(MemberId.of(memberId), status, reason, spoke);
        }
    }

    public record CorrectionEntry(Line before, Line after) {}

    static AmendmentDocument from(Amendment a) {
        return new AmendmentDocument(
                a.id().toString(),
                a.meetingId().toString(),
                a.cellId().toString(),
                a.orgPath().value(),
                a.corrections().stream()
                        .map(c -> new CorrectionEntry(Line.of(c.before()), Line.of(c.after())))
                        .toList(),
                a.reason(),
                a.proposedBy(),
                a.proposedAt(),
                a.status(),
                a.decidedBy(),
                a.decidedAt(),
                a.decisionNote(),
                a.version());
    }

    Amendment toDomain() {
        return new Amendment(
                UUID.fromString(id),
                MeetingId.of(meetingId),
                CellId.of(cellId),
                OrgPath.of(orgPath),
                corrections.stream()
                        .map(c -> new Amendment.Correction(
                                c.before() == null ? null : c.before().toDomain(),
                                c.after().toDomain()))
                        .toList(),
                reason,
                proposedBy,
                proposedAt,
                status,
                decidedBy,
                decidedAt,
                decisionNote,
                version);
    }
}
