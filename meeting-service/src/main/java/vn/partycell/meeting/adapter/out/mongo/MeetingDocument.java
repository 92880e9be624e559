package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A meeting as stored, in every state: the status says which, the close fields are null until it
 * is closed, attendance is a list (member ids are not good field names).
 */
@Document(MongoMeetingRepository.COLLECTION)
@CompoundIndex(name = "cell_starts", def = "{'cellId': 1, 'startsAt': -1}")
public record MeetingDocument(
        @Id String id,
        String cellId,
        @Indexed String orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        String place,
        List<String> agenda,
        MeetingStatus status,
        List<AttendanceEntry> attendance,
        Quorum quorum,
        Instant closedAt,
        String closedBy,
        long version) {

    public record AttendanceEntry(String memberId, AttendanceStatus status, String reason, boolean spoke) {}

    static MeetingDocument from(Meeting m) {
        Quorum quorum = null;
        Instant closedAt = null;
        String closedBy = null;
        if (m instanceof ClosedMeeting closed) {
            quorum = closed.quorum();
            closedAt = closed.closedAt();
            closedBy = closed.closedBy();
        }
        return new MeetingDocument(
                m.id().toString(),
                m.cellId().toString(),
                m.orgPath().value(),
                m.kind(),
                m.title(),
                m.startsAt(),
                m.place(),
                m.agenda(),
                m.status(),
                m.attendance().values().stream()
                        .map(a -> new AttendanceEntry(a.memberId().toString(), a.status(), a.reason(), a.spoke()))
                        .toList(),
                quorum,
                closedAt,
                closedBy,
                m.version());
    }

    Meeting toDomain() {
        Map<MemberId, Attendance> byMember = new LinkedHashMap<>();
        if (attendance != null) {
            for (AttendanceEntry a : attendance) {
                MemberId member = MemberId.of(a.memberId());
                byMember.put(member, new Attendance(member, a.status(), a.reason(), a.spoke()));
            }
        }
        List<String> items = agenda == null ? List.of() : agenda;
        return switch (status) {
            case SCHEDULED, IN_PROGRESS ->
                new ScheduledMeeting(
                        MeetingId.of(id),
                        CellId.of(cellId),
                        OrgPath.of(orgPath),
                        kind,
                        title,
                        startsAt,
                        place,
                        items,
                        byMember,
                        version);
            case CLOSED ->
                new ClosedMeeting(
                        MeetingId.of(id),
                        CellId.of(cellId),
                        OrgPath.of(orgPath),
                        kind,
                        title,
                        startsAt,
                        place,
                        items,
                        byMember,
                        quorum,
                        closedAt,
                        closedBy,
                        version);
        };
    }
}
