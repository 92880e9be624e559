package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.MeetingPlan;

/** The command to change a draft or a scheduled meeting; a null field keeps its value. */
public record ChangeMeeting(String title, String topic, Instant startsAt, String place, List<String> agenda) {

    MeetingPlan applyTo(MeetingPlan plan) {
        return new MeetingPlan(
                plan.kind(),
                title == null ? plan.title() : title,
                topic == null ? plan.topic() : topic,
                startsAt == null ? plan.startsAt() : startsAt,
                place == null ? plan.place() : place,
                agenda == null ? plan.agenda() : agenda);
    }
}
