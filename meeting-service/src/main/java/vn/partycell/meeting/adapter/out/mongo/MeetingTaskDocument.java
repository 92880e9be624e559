package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.ProgressReport;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.meeting.domain.TaskOutcome;
import vn.partycell.meeting.domain.TaskProgress;
import vn.partycell.meeting.domain.TaskTiming;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A task as stored ({@code meeting_tasks}), every report and outcome revision kept. Dates are ISO
 * text (they sort as dates). {@code open} is derived for the cell's due list, served in real MongoDB
 * by the {@code cell_open_due} index; the meeting's sheet by {@code meetingId}.
 */
@Document(MongoMeetingTaskRepository.COLLECTION)
@CompoundIndex(name = "cell_open_due", def = "{'cellId': 1, 'open': 1, 'dueOn': 1}")
public record MeetingTaskDocument(
        @Id String id,
        @Indexed String meetingId,
        String cellId,
        @Indexed String orgPath,
        String ownerId,
        String ownerName,
        String title,
        String description,
        String dueOn,
        String assignedBy,
        Instant assignedAt,
        List<ReportEntry> reports,
        List<OutcomeEntry> outcomes,
        String overdueOn,
        boolean open,
        long version) {

    public record ReportEntry(int seq, String progress, String note, String doneOn, Instant reportedAt) {}

    public record OutcomeEntry(
            int revision,
            String timing,
            String doneOn,
            boolean beyondAsked,
            String note,
            String confirmedBy,
            Instant confirmedAt,
            String correctionReason) {}

    static MeetingTaskDocument from(MeetingTask t) {
        return new MeetingTaskDocument(
                t.id().toString(),
                t.meetingId().toString(),
                t.cellId().toString(),
                t.orgPath().value(),
                t.ownerId().toString(),
                t.ownerName(),
                t.title(),
                t.description(),
                t.dueOn().toString(),
                t.assignedBy(),
                t.assignedAt(),
                t.reports().stream()
                        .map(r -> new ReportEntry(
                                r.seq(), r.progress().name(), r.note(), text(r.doneOn()), r.reportedAt()))
                        .toList(),
                t.outcomes().stream()
                        .map(o -> new OutcomeEntry(
                                o.revision(),
                                o.timing().name(),
                                text(o.doneOn()),
                                o.beyondAsked(),
                                o.note(),
                                o.confirmedBy(),
                                o.confirmedAt(),
                                o.correctionReason()))
                        .toList(),
                text(t.overdueOn()),
                t.open(),
                t.version());
    }

    MeetingTask toDomain() {
        return new MeetingTask(
                TaskId.of(id),
                MeetingId.of(meetingId),
                CellId.of(cellId),
                OrgPath.of(orgPath),
                MemberId.of(ownerId),
                ownerName,
                title,
                description,
                LocalDate.parse(dueOn),
                assignedBy,
                assignedAt,
                reports == null
                        ? List.of()
                        : reports.stream()
                                .map(r -> new ProgressReport(
                                        r.seq(),
                                        TaskProgress.valueOf(r.progress()),
                                        r.note(),
                                        date(r.doneOn()),
                                        r.reportedAt()))
                                .toList(),
                outcomes == null
                        ? List.of()
                        : outcomes.stream()
                                .map(o -> new TaskOutcome(
                                        o.revision(),
                                        TaskTiming.valueOf(o.timing()),
                                        date(o.doneOn()),
                                        o.beyondAsked(),
                                        o.note(),
                                        o.confirmedBy(),
                                        o.confirmedAt(),
                                        o.correctionReason()))
                                .toList(),
                date(overdueOn),
                version);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
