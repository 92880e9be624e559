package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * What a meeting is announced with (nội dung, thời gian, địa điểm): kind, title, topic (of a
 * thematic meeting), start, place and agenda. Checked the same way when drafted, scheduled and
 * changed.
 */
public record MeetingPlan(
        MeetingKind kind, String title, String topic, Instant startsAt, String place, List<String> agenda) {

    public MeetingPlan {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(startsAt);
        title = title == null ? "" : title.strip();
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        place = place == null ? "" : place.strip();
        agenda = agenda == null
                ? List.of()
                : agenda.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * At least one agenda item; a thematic meeting names its topic; never in the past. {@code now}
     * is the clock of the command.
     */
    public MeetingPlan check(Instant now) {
        if (agenda.isEmpty()) {
            throw new RuleViolationException(
                    "agenda-empty", "Cần ít nhất một nội dung trong chương trình sinh hoạt", Map.of("field", "agenda"));
        }
        if (kind == MeetingKind.THEMATIC && topic == null) {
            throw new RuleViolationException(
                    "topic-required", "Sinh hoạt chuyên đề cần ghi rõ chuyên đề", Map.of("field", "topic"));
        }
        if (startsAt.isBefore(now)) {
            throw new RuleViolationException(
                    "starts-in-past",
                    "Thời gian bắt đầu đã qua; không thể lên lịch buổi sinh hoạt trong quá khứ",
                    Map.of("field", "startsAt", "now", now.toString()));
        }
        return this;
    }

    /** What changed between this plan and the next, by field name (the notice and event say it). */
    public List<String> changedFields(MeetingPlan next) {
        List<String> changed = new java.util.ArrayList<>();
        if (!startsAt.equals(next.startsAt)) {
            changed.add("startsAt");
        }
        if (!place.equals(next.place)) {
            changed.add("place");
        }
        if (!agenda.equals(next.agenda)) {
            changed.add("agenda");
        }
        if (!title.equals(next.title)) {
            changed.add("title");
        }
        if (!Objects.equals(topic, next.topic)) {
            changed.add("topic");
        }
        return List.copyOf(changed);
    }
}
