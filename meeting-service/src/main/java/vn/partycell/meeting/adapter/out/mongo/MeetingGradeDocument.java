package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.GradeLevel;
import vn.partycell.meeting.domain.GradeRecord;
import vn.partycell.meeting.domain.MeetingGrade;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.OrgPath;

/** A meeting's grade as stored: {@code _id} is the meeting id (one grade per meeting), every record kept. */
@Document(MongoMeetingGradeRepository.COLLECTION)
public record MeetingGradeDocument(
        @Id String id,
        String cellId,
        @Indexed String orgPath,
        int year,
        int month,
        String grade,
        List<RecordEntry> records,
        long version) {

    public record RecordEntry(
            int revision,
            String grade,
            String label,
            List<String> scale,
            String comment,
            boolean attended,
            String gradedBy,
            String gradedByMemberId,
            Instant gradedAt,
            String correctionReason) {}

    static MeetingGradeDocument from(MeetingGrade g) {
        return new MeetingGradeDocument(
                g.meetingId().toString(),
                g.cellId().toString(),
                g.orgPath().value(),
                g.month().getYear(),
                g.month().getMonthValue(),
                g.current().grade().code(),
                g.records().stream()
                        .map(r -> new RecordEntry(
                                r.revision(),
                                r.grade().code(),
                                r.grade().label(),
                                r.scale(),
                                r.comment(),
                                r.attended(),
                                r.gradedBy(),
                                r.gradedByMemberId(),
                                r.gradedAt(),
                                r.correctionReason()))
                        .toList(),
                g.version());
    }

    MeetingGrade toDomain() {
        return new MeetingGrade(
                MeetingId.of(id),
                CellId.of(cellId),
                OrgPath.of(orgPath),
                YearMonth.of(year, month),
                records.stream()
                        .map(r -> new GradeRecord(
                                r.revision(),
                                new GradeLevel(r.grade(), r.label()),
                                r.scale() == null ? List.of() : r.scale(),
                                r.comment(),
                                r.attended(),
                                r.gradedBy(),
                                r.gradedByMemberId(),
                                r.gradedAt(),
                                r.correctionReason()))
                        .toList(),
                version);
    }
}
