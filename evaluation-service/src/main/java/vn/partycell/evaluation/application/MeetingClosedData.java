package vn.partycell.evaluation.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.partycell.evaluation.domain.AttendanceStatus;

/** meetings.meeting.closed data, as the contract (meetings.meeting.closed.v1.json) defines it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingClosedData(
        UUID meetingId,
        UUID cellId,
        String orgPath,
        String kind,
        String title,
        Instant startsAt,
        Instant closedAt,
        Integer year,
        Integer month,
        List<Attendance> attendance,
        Quorum quorum,
        Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attendance(UUID memberId, AttendanceStatus status, String reason, Boolean spoke) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quorum(Integer eligible, Integer present, Integer required) {}
}
