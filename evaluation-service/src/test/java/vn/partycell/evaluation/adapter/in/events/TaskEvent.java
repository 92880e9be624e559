package vn.partycell.evaluation.adapter.in.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.events.EventSchemas;
import vn.partycell.platform.test.TestEvents;

/**
 * One task of meetings.task.v1 as meeting-service's {@code TaskTopics} puts it on the wire: keyed by
 * the task id, the data shaped by the meetings.task.*.v1 schemas (each payload is checked against
 * its schema before it is sent), {@code version} the task's own after the change.
 */
final class TaskEvent {

    static final String TOPIC = "meetings.task.v1";
    static final String ASSIGNED = "meetings.task.assigned";
    static final String REPORTED = "meetings.task.reported";
    static final String DONE_ON_TIME = "meetings.task.done-on-time";
    static final String DONE_LATE = "meetings.task.done-late";
    static final String OVERDUE = "meetings.task.overdue";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final UUID taskId = UUID.randomUUID();
    final UUID meetingId;
    final UUID cellId;
    final String orgPath;
    final UUID ownerId;
    final LocalDate dueOn;
    final String title;

    TaskEvent(UUID meetingId, UUID cellId, String orgPath, UUID ownerId, LocalDate dueOn, String title) {
        this.meetingId = meetingId;
        this.cellId = cellId;
        this.orgPath = orgPath;
        this.ownerId = ownerId;
        this.dueOn = dueOn;
        this.title = title;
    }

    private String common() {
        return """
                "taskId":"%s","meetingId":"%s","cellId":"%s","orgPath":"%s","ownerId":"%s","dueOn":"%s\"""".formatted(taskId, meetingId, cellId, orgPath, ownerId, dueOn);
    }

    String assignedJson(Instant assignedAt) {
        return """
                {%s,"title":"%s","description":"Báo cáo kết quả tại buổi sinh hoạt tháng sau",
                 "assignedBy":"bt-cell","assignedAt":"%s","version":1}""".formatted(common(), title, assignedAt);
    }

    String reportedJson(int report, LocalDate doneOn, long version) {
        return """
                {%s,"report":%d,"progress":"DONE","note":"Đã xong","doneOn":"%s","reportedAt":"%s","version":%d}""".formatted(
                        common(), report, doneOn, doneOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), version);
    }

    String doneJson(LocalDate doneOn, boolean beyondAsked, int revision, long version) {
        return """
                {%s,"doneOn":"%s","beyondAsked":%s,"revision":%d,"note":null,"confirmedBy":"bt-cell",
                 "confirmedAt":"%s","correctionReason":%s,"version":%d}""".formatted(
                        common(),
                        doneOn,
                        beyondAsked,
                        revision,
                        doneOn.plusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                        revision == 1 ? "null" : "\"Đảng viên báo nhầm ngày hoàn thành\"",
                        version);
    }

    /** The daily watch's detection (revision null) or, with a revision, the secretary's confirmation. */
    String overdueJson(LocalDate detectedOn, Integer revision, long version) {
        boolean confirmed = revision != null;
        return """
                {%s,"detectedOn":"%s","confirmed":%s,"revision":%s,"confirmedBy":%s,"correctionReason":null,
                 "version":%d}""".formatted(
                        common(),
                        detectedOn,
                        confirmed,
                        confirmed ? revision : "null",
                        confirmed ? "\"bt-cell\"" : "null",
                        version);
    }

    String sendAssigned(TestEvents events, Instant assignedAt) {
        return send(events, ASSIGNED, assignedJson(assignedAt));
    }

    String sendReported(TestEvents events, int report, LocalDate doneOn, long version) {
        return send(events, REPORTED, reportedJson(report, doneOn, version));
    }

    String sendDoneOnTime(TestEvents events, LocalDate doneOn, boolean beyondAsked, int revision, long version) {
        return send(events, DONE_ON_TIME, doneJson(doneOn, beyondAsked, revision, version));
    }

    String sendDoneLate(TestEvents events, LocalDate doneOn, boolean beyondAsked, int revision, long version) {
        return send(events, DONE_LATE, doneJson(doneOn, beyondAsked, revision, version));
    }

    String sendOverdue(TestEvents events, LocalDate detectedOn, Integer revision, long version) {
        return send(events, OVERDUE, overdueJson(detectedOn, revision, version));
    }

    String send(TestEvents events, String type, String json) {
        assertThat(EventSchemas.validate(type, 1, JSON.readTree(json)))
                .as(type + " " + json)
                .isEmpty();
        return events.send(TOPIC, type, taskId.toString(), orgPath, json);
    }

    void sendAgain(TestEvents events, String eventId, String type, String json) {
        events.sendWithId(eventId, TOPIC, type, taskId.toString(), orgPath, json);
    }
}
