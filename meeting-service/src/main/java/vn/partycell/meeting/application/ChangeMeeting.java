package vn.partycell.meeting.application;

import java.time.Instant;
import java.util.List;
import vn.partycell.meeting.domain.AgendaItem;
import vn.partycell.meeting.domain.MeetingPlan;

/**
 * The command to change a draft or a scheduled meeting; a null field keeps its value. The agenda is
 * replaced by {@code agendaItems} when given, else by the titles of {@code agenda}.
 */
public record ChangeMeeting(
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<String> agenda,
        List<AgendaItem> agendaItems,
        String draftResolution) {

    /** The former shape: titles only, the draft resolution kept. */
    public ChangeMeeting(String title, String topic, Instant startsAt, String place, List<String> agenda) {
        this(title, topic, startsAt, place, agenda, null, null);
    }

    MeetingPlan applyTo(MeetingPlan plan) {
        List<AgendaItem> items = plan.agendaItems();
        if (agendaItems != null) {
            items = agendaItems;
        } else if (agenda != null) {
            items = agenda.stream().map(AgendaItem::titled).toList();
        }
        return new MeetingPlan(
                plan.kind(),
                title == null ? plan.title() : title,
                topic == null ? plan.topic() : topic,
                startsAt == null ? plan.startsAt() : startsAt,
                place == null ? plan.place() : place,
                items,
                draftResolution == null ? plan.draftResolution() : draftResolution);
    }
}
