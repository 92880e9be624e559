package vn.partycell.evaluation.adapter.in.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.test.TestEvents;

/**
 * A meetings.meeting.closed event as meeting-service's relay puts it on the wire (data shaped by
 * meetings.meeting.closed.v1.json), for tests to send; year and month follow from startsAt in
 * Asia/Ho_Chi_Minh, as the contract says.
 */
final class ClosedMeetingEvent {

    static final String TOPIC = "meetings.meeting.v1";
    static final String CLOSED = "meetings.meeting.closed";
    static final String SCHEDULED = "meetings.meeting.scheduled";
    static final String AMENDED = "meetings.meeting.amended";
    static final String GRADED = "meetings.meeting.graded";

    final UUID meetingId;
    final UUID cellId;
    final String orgPath;
    final String kind;
    final String title;
    final Instant startsAt;
    private final List<String> attendance = new ArrayList<>();
    /** The members in attendance order, with their status: what an amendment corrects. */
    final List<UUID> members = new ArrayList<>();

    final List<String> statuses = new ArrayList<>();
    final List<Boolean> spoke = new ArrayList<>();

    private ClosedMeetingEvent(
            UUID meetingId, UUID cellId, String orgPath, String kind, String title, Instant startsAt) {
        this.meetingId = meetingId;
        this.cellId = cellId;
        this.orgPath = orgPath;
        this.kind = kind;
        this.title = title;
        this.startsAt = startsAt;
    }

    static ClosedMeetingEvent regular(UUID cellId, String orgPath, String startsAt) {
        Instant at = Instant.parse(startsAt);
        LocalDate local = LocalDate.ofInstant(at, VietnamTime.ZONE);
        return new ClosedMeetingEvent(
                UUID.randomUUID(),
                cellId,
                orgPath,
                "REGULAR",
                "Sinh hoạt chi bộ thường kỳ tháng " + local.getMonthValue() + "/" + local.getYear(),
                at);
    }

    static ClosedMeetingEvent thematic(UUID cellId, String orgPath, String startsAt) {
        ClosedMeetingEvent m = regular(cellId, orgPath, startsAt);
        return new ClosedMeetingEvent(
                m.meetingId,
                cellId,
                orgPath,
                "THEMATIC",
                "Sinh hoạt chuyên đề học tập và làm theo tư tưởng Hồ Chí Minh",
                m.startsAt);
    }

    /** The same meeting with another title, as if another event had been published about it. */
    ClosedMeetingEvent retitled(String newTitle) {
        ClosedMeetingEvent copy = new ClosedMeetingEvent(meetingId, cellId, orgPath, kind, newTitle, startsAt);
        copy.attendance.addAll(attendance);
        copy.members.addAll(members);
        copy.statuses.addAll(statuses);
        copy.spoke.addAll(spoke);
        return copy;
    }

    ClosedMeetingEvent attend(UUID memberId, String status, boolean spoke) {
        String reason = switch (status) {
            case "EXCUSED" -> "\"Ốm, đã báo trước\"";
            case "LATE" -> "\"Đi công tác về muộn\"";
            default -> "null";
        };
        attendance.add("""
                {"memberId":"%s","status":"%s","reason":%s,"spoke":%s}""".formatted(memberId, status, reason, spoke));
        members.add(memberId);
        statuses.add(status);
        this.spoke.add(spoke);
        return this;
    }

    int year() {
        return LocalDate.ofInstant(startsAt, VietnamTime.ZONE).getYear();
    }

    int month() {
        return LocalDate.ofInstant(startsAt, VietnamTime.ZONE).getMonthValue();
    }

    String json() {
        int present = (int) attendance.stream()
                .filter(a -> a.contains("\"PRESENT\"") || a.contains("\"LATE\""))
                .count();
        return """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"%s","title":"%s",
                 "startsAt":"%s","closedAt":"%s","year":%d,"month":%d,"attendance":[%s],
                 "quorum":{"eligible":%d,"present":%d,"required":%d},"version":5}""".formatted(
                        meetingId,
                        cellId,
                        orgPath,
                        kind,
                        title,
                        startsAt,
                        startsAt.plusSeconds(9000),
                        year(),
                        month(),
                        String.join(",", attendance),
                        attendance.size(),
                        present,
                        attendance.size() / 2 + 1);
    }

    String scheduledJson() {
        return """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","kind":"%s","title":"%s",
                 "startsAt":"%s","place":"Hội trường tầng 2","agenda":["Triển khai nhiệm vụ tháng"],"version":1}""".formatted(meetingId, cellId, orgPath, kind, title, startsAt);
    }

    /** One corrected member of an amendment: the line before and after (meetings.meeting.amended.v1.json). */
    static String correction(UUID memberId, String before, boolean spokeBefore, String after, boolean spokeAfter) {
        return """
                {"memberId":"%1$s","before":{"memberId":"%1$s","status":"%2$s","reason":null,"spoke":%3$s},
                 "after":{"memberId":"%1$s","status":"%4$s","reason":%6$s,"spoke":%5$s}}""".formatted(
                        memberId,
                        before,
                        spokeBefore,
                        after,
                        spokeAfter,
                        after.equals("EXCUSED") ? "\"Ốm, đã báo trước\"" : "null");
    }

    /** An approved amendment of this meeting, as meeting-service's relay puts it on the wire. */
    String amendedJson(UUID amendmentId, Instant approvedAt, String... corrections) {
        return """
                {"meetingId":"%s","amendmentId":"%s","cellId":"%s","orgPath":"%s","kind":"%s","title":"%s",
                 "startsAt":"%s","year":%d,"month":%d,"corrections":[%s],
                 "reason":"Thư ký ghi nhầm điểm danh","approvedAt":"%s","version":2}""".formatted(
                        meetingId,
                        amendmentId,
                        cellId,
                        orgPath,
                        kind,
                        title,
                        startsAt,
                        year(),
                        month(),
                        String.join(",", corrections),
                        approvedAt);
    }

    /** Sends an approved amendment of this meeting; returns its event id. */
    String sendAmended(TestEvents events, UUID amendmentId, Instant approvedAt, String... corrections) {
        return events.send(
                TOPIC, AMENDED, meetingId.toString(), orgPath, amendedJson(amendmentId, approvedAt, corrections));
    }

    /** The superior's grade of this meeting, one revision of it, on the default scale. */
    String gradedJson(int revision, String grade) {
        return """
                {"meetingId":"%s","cellId":"%s","orgPath":"%s","year":%d,"month":%d,"revision":%d,
                 "grade":"%s","label":"%s","scale":["GOOD","FAIR","AVERAGE","POOR"],"comment":null,
                 "attended":true,"gradedBy":"huyen-uy","gradedByMemberId":null,"gradedAt":"%s",
                 "correctionReason":%s,"version":%d}""".formatted(
                        meetingId,
                        cellId,
                        orgPath,
                        year(),
                        month(),
                        revision,
                        grade,
                        switch (grade) {
                            case "GOOD" -> "Tốt";
                            case "FAIR" -> "Khá";
                            case "AVERAGE" -> "Trung bình";
                            default -> "Kém";
                        },
                        startsAt.plusSeconds(3600L * revision),
                        revision == 1 ? "null" : "\"Đánh giá lại sau khi xem biên bản\"",
                        revision);
    }

    String sendGraded(TestEvents events, int revision, String grade) {
        return events.send(TOPIC, GRADED, meetingId.toString(), orgPath, gradedJson(revision, grade));
    }

    /** Sends the closed event; returns its event id. */
    String send(TestEvents events) {
        return events.send(TOPIC, CLOSED, meetingId.toString(), orgPath, json());
    }

    void sendAgain(TestEvents events, String eventId) {
        events.sendWithId(eventId, TOPIC, CLOSED, meetingId.toString(), orgPath, json());
    }

    String sendScheduled(TestEvents events) {
        return events.send(TOPIC, SCHEDULED, meetingId.toString(), orgPath, scheduledJson());
    }
}
