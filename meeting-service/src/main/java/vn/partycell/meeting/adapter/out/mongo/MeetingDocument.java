package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.AgendaItem;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.AttendanceStatus;
import vn.partycell.meeting.domain.CancelledMeeting;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.DraftMeeting;
import vn.partycell.meeting.domain.InProgressMeeting;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.MeetingStatus;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Quorum;
import vn.partycell.meeting.domain.RecordedAfterwards;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A meeting as stored, in every state: the status says which, the start, close and cancel fields
 * are null until then, attendance is a list (member ids are not good field names). Fields added
 * after the first version come last, so older documents read with them null.
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
        long version,
        String topic,
        Instant startedAt,
        String startedBy,
        MeetingStatus cancelledFrom,
        String cancelReason,
        Instant cancelledAt,
        String cancelledBy,
        List<AgendaItemEntry> agendaItems,
        String draftResolution,
        String recordedBy,
        Instant recordedAt) {

    /** An agenda item with its presenter and planned duration (null when not said); {@code agenda} keeps the titles. */
    public record AgendaItemEntry(String title, String presenterId, Long plannedMinutes) {}

    public record AttendanceEntry(String memberId, AttendanceStatus status, String reason, boolean spoke) {}

    static MeetingDocument from(Meeting m) {
        Quorum quorum = null;
        Instant closedAt = null;
        String closedBy = null;
        Instant startedAt = null;
        String startedBy = null;
        CancelledMeeting cancelled = m instanceof CancelledMeeting c ? c : null;
        if (m instanceof ClosedMeeting closed) {
            quorum = closed.quorum();
            closedAt = closed.closedAt();
            closedBy = closed.closedBy();
        }
        if (m instanceof InProgressMeeting held) {
            startedAt = held.startedAt();
            startedBy = held.startedBy();
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
                m.version(),
                m.topic(),
                startedAt,
                startedBy,
                cancelled == null ? null : cancelled.cancelledFrom(),
                cancelled == null ? null : cancelled.reason(),
                cancelled == null ? null : cancelled.cancelledAt(),
                cancelled == null ? null : cancelled.cancelledBy(),
                m.plan().agendaItems().stream()
                        .map(item -> new AgendaItemEntry(
                                item.title(),
                                item.presenter() == null
                                        ? null
                                        : item.presenter().toString(),
                                item.plannedDuration() == null
                                        ? null
                                        : item.plannedDuration().toMinutes()))
                        .toList(),
                m.plan().draftResolution(),
                m.recorded() == null ? null : m.recorded().by(),
                m.recorded() == null ? null : m.recorded().at());
    }

    Meeting toDomain() {
        Map<MemberId, Attendance> byMember = new LinkedHashMap<>();
        if (attendance != null) {
            for (AttendanceEntry a : attendance) {
                MemberId member = MemberId.of(a.memberId());
                byMember.put(member, new Attendance(member, a.status(), a.reason(), a.spoke()));
            }
        }
        // Documents written before agenda items had only the titles.
        MeetingPlan plan = agendaItems == null
                ? new MeetingPlan(kind, title, topic, startsAt, place, agenda)
                : new MeetingPlan(
                        kind,
                        title,
                        topic,
                        startsAt,
                        place,
                        agendaItems.stream()
                                .map(item -> new AgendaItem(
                                        item.title(),
                                        item.presenterId() == null ? null : MemberId.of(item.presenterId()),
                                        item.plannedMinutes() == null
                                                ? null
                                                : java.time.Duration.ofMinutes(item.plannedMinutes())))
                                .toList(),
                        draftResolution);
        if (recordedBy != null && recordedAt != null) {
            plan = new MeetingPlan(
                    plan.kind(),
                    plan.title(),
                    plan.topic(),
                    plan.startsAt(),
                    plan.place(),
                    plan.agendaItems(),
                    plan.draftResolution(),
                    new RecordedAfterwards(recordedBy, recordedAt));
        }
        MeetingId meetingId = MeetingId.of(id);
        CellId cell = CellId.of(cellId);
        OrgPath path = OrgPath.of(orgPath);
        return switch (status) {
            case DRAFT -> new DraftMeeting(meetingId, cell, path, plan, version);
            case SCHEDULED -> new ScheduledMeeting(meetingId, cell, path, plan, version);
            // Meetings stored before the explicit start have no start time: their first attendance line stands for it.
            case IN_PROGRESS ->
                new InProgressMeeting(
                        meetingId,
                        cell,
                        path,
                        plan,
                        byMember,
                        startedAt == null ? startsAt : startedAt,
                        startedBy == null ? "?" : startedBy,
                        version);
            case CLOSED ->
                new ClosedMeeting(meetingId, cell, path, plan, byMember, quorum, closedAt, closedBy, version);
            case CANCELLED ->
                new CancelledMeeting(
                        meetingId, cell, path, plan, cancelledFrom, cancelReason, cancelledAt, cancelledBy, version);
        };
    }
}
