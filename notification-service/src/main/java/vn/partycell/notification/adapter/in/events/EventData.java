package vn.partycell.notification.adapter.in.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fields of the consumed events this service uses (tolerant readers: whatever else the
 * producers send, now or in a later minor version, is ignored).
 */
final class EventData {

    private EventData() {}

    /** members.member.registered / .updated: where notices go and whether the member is active. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberChanged(
            UUID memberId,
            String fullName,
            UUID cellId,
            String orgPath,
            String status,
            String email,
            Long version,
            UUID meetingCellId,
            Boolean inTransit) {}

    /** meetings.meeting.scheduled: what the meeting notice says. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingScheduled(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda) {}

    /** meetings.meeting.closed: who was absent without excuse, and what the notice names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeetingClosed(
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String kind,
            String title,
            Instant startsAt,
            Integer year,
            List<Attendance> attendance) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attendance(UUID memberId, String status) {}
}
