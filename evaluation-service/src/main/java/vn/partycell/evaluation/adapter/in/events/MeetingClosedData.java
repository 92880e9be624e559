package vn.partycell.evaluation.adapter.in.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The fields of meetings.meeting.closed (meetings.meeting.closed.v1.json) a scorecard uses; the
 * rest of the event (closedAt, quorum, reasons, version, fields a newer producer adds) is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MeetingClosedData(
        UUID meetingId,
        UUID cellId,
        String orgPath,
        String kind,
        String title,
        Instant startsAt,
        Integer year,
        Integer month,
        List<Attendance> attendance) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attendance(UUID memberId, String status, Boolean spoke) {}
}
