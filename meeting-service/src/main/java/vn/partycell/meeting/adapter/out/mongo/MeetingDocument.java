package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.platform.kernel.OrgPath;

/** A meeting as stored, with attendance as a list (member ids are not good field names). */
@Document(MongoMeetings.COLLECTION)
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
                m.quorum(),
                m.closedAt(),
                m.closedBy(),
                m.version());
    }

    Meeting toDomain() {
        Map<UUID, Attendance> byMember = new LinkedHashMap<>();
        if (attendance != null) {
            for (AttendanceEntry a : attendance) {
                UUID member = UUID.fromString(a.memberId());
                byMember.put(member, new Attendance(member, a.status(), a.reason(), a.spoke()));
            }
        }
        return new Meeting(
                UUID.fromString(id),
                UUID.fromString(cellId),
                OrgPath.of(orgPath),
                kind,
                title,
                startsAt,
                place,
                agenda == null ? List.of() : agenda,
                status,
                byMember,
                quorum,
                closedAt,
                closedBy,
                version);
    }
}
