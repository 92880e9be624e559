package vn.partycell.notification.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.events.CloudEventHeaders;
import vn.partycell.platform.test.EventContractValidator;
import vn.partycell.platform.test.TestEvents;
import vn.partycell.platform.test.TopicProbe;

/**
 * Puts a cell's member, meeting and scorecard events on the wire the way member-service's,
 * meeting-service's and evaluation-service's relays would, with payloads shaped by the published
 * contracts.
 */
public final class MeetingLoop implements AutoCloseable {

    public static final String MEMBERS = "members.member.v1";
    public static final String MEETINGS = "meetings.meeting.v1";
    public static final String SCORECARDS = "evaluations.scorecard.v1";
    public static final String ABSENCE_COUNTED = "evaluations.scorecard.absence-counted";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestEvents events;
    private final String brokers;
    public final UUID cellId = UUID.randomUUID();
    public final String cellPath;

    public MeetingLoop(String brokers, String committee) {
        this.brokers = brokers;
        this.events = new TestEvents(brokers);
        this.cellPath = "/hy/" + committee + "/cb-" + cellId.toString().substring(0, 6) + "/";
    }

    /** members.member.registered or .updated, full snapshot; {@code extra} adds fields a newer producer might send. */
    public String member(String type, UUID id, String name, String status, long version, Map<String, Object> extra) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", id.toString());
        data.put("fullName", name);
        data.put("gender", "FEMALE");
        data.put("dateOfBirth", "1985-04-12");
        data.put("cellId", cellId.toString());
        data.put("partyGroupId", null);
        data.put("orgPath", cellPath);
        data.put("status", status);
        data.put("exempted", false);
        data.put("joinedOn", "2020-09-02");
        data.put("email", "dv-" + id.toString().substring(0, 8) + "@example.vn");
        data.put("version", version);
        data.putAll(extra);
        return events.send(MEMBERS, type, id.toString(), cellPath, JSON.writeValueAsString(data));
    }

    public String registered(UUID id, String name, String status) {
        return member("members.member.registered", id, name, status, 1, Map.of());
    }

    public String updated(UUID id, String name, String status, long version) {
        return member("members.member.updated", id, name, status, version, Map.of());
    }

    public static String scheduledData(
            UUID meetingId, UUID cellId, String cellPath, String kind, String title, Instant startsAt, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId.toString());
        data.put("cellId", cellId.toString());
        data.put("orgPath", cellPath);
        data.put("kind", kind);
        data.put("title", title);
        data.put("startsAt", startsAt.toString());
        data.put("place", "Phòng họp tầng 2, Sở Tư pháp");
        data.put(
                "agenda",
                List.of(
                        "Đánh giá kết quả thực hiện nhiệm vụ tháng 2",
                        "Triển khai nhiệm vụ tháng 3",
                        "Kiểm điểm, tự phê bình của đảng viên"));
        data.put("version", version);
        return JSON.writeValueAsString(data);
    }

    public String scheduledData(UUID meetingId, String title, Instant startsAt) {
        return scheduledData(meetingId, cellId, cellPath, "REGULAR", title, startsAt, 2);
    }

    public String scheduled(UUID meetingId, String title, Instant startsAt) {
        return sendMeeting("meetings.meeting.scheduled", meetingId, scheduledData(meetingId, title, startsAt));
    }

    /** Sends a meeting event again with a chosen id: a redelivery. */
    public void redeliver(String id, String type, UUID meetingId, String json) {
        events.sendWithId(id, MEETINGS, type, meetingId.toString(), cellPath, json);
    }

    public String sendMeeting(String type, UUID meetingId, String json) {
        return events.send(MEETINGS, type, meetingId.toString(), cellPath, json);
    }

    /** meetings.meeting.closed with the given attendance (memberId -> PRESENT|LATE|EXCUSED|ABSENT). */
    public String closedData(UUID meetingId, String title, Instant startsAt, Map<UUID, String> attendance) {
        ZonedDateTime local = startsAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        List<Map<String, Object>> lines = new ArrayList<>();
        attendance.forEach((id, status) -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("memberId", id.toString());
            line.put("status", status);
            line.put("reason", status.equals("EXCUSED") ? "Đi công tác, đã xin phép" : null);
            line.put("spoke", status.equals("PRESENT"));
            lines.add(line);
        });
        long eligible = attendance.size();
        long present = attendance.values().stream()
                .filter(s -> s.equals("PRESENT") || s.equals("LATE"))
                .count();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId.toString());
        data.put("cellId", cellId.toString());
        data.put("orgPath", cellPath);
        data.put("kind", "REGULAR");
        data.put("title", title);
        data.put("startsAt", startsAt.toString());
        data.put("closedAt", startsAt.plus(Duration.ofHours(2)).toString());
        data.put("year", local.getYear());
        data.put("month", local.getMonthValue());
        data.put("attendance", lines);
        data.put("quorum", Map.of("eligible", eligible, "present", present, "required", eligible / 2 + 1));
        data.put("version", 5);
        return JSON.writeValueAsString(data);
    }

    public String closed(UUID meetingId, String title, Instant startsAt, Map<UUID, String> attendance) {
        return sendMeeting("meetings.meeting.closed", meetingId, closedData(meetingId, title, startsAt, attendance));
    }

    /**
     * evaluations.scorecard.absence-counted: the member's unexcused absence at the meeting, counted
     * with the months so far under a 2 / 3 months policy (the shipped default of evaluation-service).
     */
    public String absenceCountedData(
            UUID memberId, UUID meetingId, String title, Instant startsAt, List<Integer> months, String level) {
        ZonedDateTime local = startsAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("meetingId", meetingId.toString());
        meeting.put("kind", "REGULAR");
        meeting.put("title", title);
        meeting.put("startsAt", startsAt.toString());
        meeting.put("month", local.getMonthValue());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("memberId", memberId.toString());
        data.put("year", local.getYear());
        data.put("cellId", cellId.toString());
        data.put("orgPath", cellPath);
        data.put("meeting", meeting);
        data.put("unexcusedAbsenceMonths", months);
        data.put("warningMonths", 2);
        data.put("reviewMonths", 3);
        data.put("removalReview", level);
        data.put("version", months.size() + 1);
        return JSON.writeValueAsString(data);
    }

    public String absenceCounted(
            UUID memberId, UUID meetingId, String title, Instant startsAt, List<Integer> months, String level) {
        return events.send(
                SCORECARDS,
                ABSENCE_COUNTED,
                memberId.toString(),
                cellPath,
                absenceCountedData(memberId, meetingId, title, startsAt, months, level));
    }

    /** Sends a scorecard event again with a chosen id: a redelivery. */
    public void redeliverScorecard(String id, UUID memberId, String json) {
        events.sendWithId(id, SCORECARDS, ABSENCE_COUNTED, memberId.toString(), cellPath, json);
    }

    public void sendRaw(String topic, String key, String body) {
        events.sendRaw(topic, key, body);
    }

    /** The records this test put on a topic under the given keys, read back as an outside tool would. */
    public List<ConsumerRecord<String, byte[]>> onWire(String topic, List<String> keys, int atLeast) {
        return TopicProbe.read(
                        brokers,
                        topic,
                        Duration.ofSeconds(20),
                        r -> r.stream().filter(x -> keys.contains(x.key())).count() >= atLeast)
                .stream()
                .filter(r -> keys.contains(r.key()))
                .toList();
    }

    /** The record with the given CloudEvents id, as read back from the topic. */
    public ConsumerRecord<String, byte[]> withId(String topic, String eventId) {
        return TopicProbe.read(
                        brokers, topic, Duration.ofSeconds(20), r -> r.stream().anyMatch(x -> isId(x, eventId)))
                .stream()
                .filter(r -> isId(r, eventId))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isId(ConsumerRecord<String, byte[]> record, String eventId) {
        return eventId.equals(EventContractValidator.header(record, CloudEventHeaders.ID));
    }

    @Override
    public void close() {
        events.close();
    }
}
