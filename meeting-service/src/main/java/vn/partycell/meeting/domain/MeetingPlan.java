package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * What a meeting is announced with (nội dung, thời gian, địa điểm): kind, title, topic (of a
 * thematic meeting), start, place, agenda items (each with its presenter and planned duration, when
 * given) and the draft resolution prepared in advance (dự thảo nghị quyết, or null). Checked the
 * same way when drafted, scheduled and changed. {@code recorded} is set when the meeting was entered
 * after it was held ({@link #recordedAfterwards}), else null: such a plan was never announced.
 */
public record MeetingPlan(
        MeetingKind kind,
        String title,
        String topic,
        Instant startsAt,
        String place,
        List<AgendaItem> agendaItems,
        String draftResolution,
        RecordedAfterwards recorded) {

    public MeetingPlan {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(startsAt);
        title = title == null ? "" : title.strip();
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        place = place == null ? "" : place.strip();
        agendaItems = agendaItems == null
                ? List.of()
                : agendaItems.stream()
                        .filter(Objects::nonNull)
                        .filter(AgendaItem::hasTitle)
                        .toList();
        draftResolution = draftResolution == null || draftResolution.isBlank() ? null : draftResolution.strip();
    }

    /** A plan announced through the platform (not recorded afterwards). */
    public MeetingPlan(
            MeetingKind kind,
            String title,
            String topic,
            Instant startsAt,
            String place,
            List<AgendaItem> agendaItems,
            String draftResolution) {
        this(kind, title, topic, startsAt, place, agendaItems, draftResolution, null);
    }

    /** The former shape: the agenda as titles only, no draft resolution. */
    public MeetingPlan(
            MeetingKind kind, String title, String topic, Instant startsAt, String place, List<String> agenda) {
        this(
                kind,
                title,
                topic,
                startsAt,
                place,
                agenda == null
                        ? null
                        : agenda.stream()
                                .filter(Objects::nonNull)
                                .map(AgendaItem::titled)
                                .toList(),
                null);
    }

    /** The agenda's titles in order (the former agenda, still published and shown as {@code agenda}). */
    public List<String> agenda() {
        return agendaItems.stream().map(AgendaItem::title).toList();
    }

    /** Who presents an agenda item, if named, must be an active member on the cell's roster (422 naming the item). */
    public MeetingPlan requirePresentersOn(Roster roster) {
        for (int i = 0; i < agendaItems.size(); i++) {
            MemberId presenter = agendaItems.get(i).presenter();
            if (presenter != null && !roster.isActiveMember(presenter)) {
                throw new RuleViolationException(
                        "presenter-not-on-roster",
                        "Người trình bày không phải đảng viên đang sinh hoạt tại chi bộ",
                        Map.of("field", "agendaItems[" + i + "].presenterId", "presenterId", presenter.toString()));
            }
        }
        return this;
    }

    /**
     * At least one agenda item; a thematic meeting names its topic; never in the past. {@code now}
     * is the clock of the command.
     */
    public MeetingPlan check(Instant now) {
        checkContent();
        if (startsAt.isBefore(now)) {
            throw new RuleViolationException(
                    "starts-in-past",
                    "Thời gian bắt đầu đã qua; không thể lên lịch buổi sinh hoạt trong quá khứ",
                    Map.of("field", "startsAt", "now", now.toString()));
        }
        return this;
    }

    /**
     * This plan as a meeting already held, entered {@code by} someone {@code now}: the content is
     * checked as for any meeting, and the start must be over (422 {@code held-in-future}).
     */
    public MeetingPlan recordedAfterwards(String by, Instant now) {
        checkContent();
        if (startsAt.isAfter(now)) {
            throw new RuleViolationException(
                    "held-in-future",
                    "Buổi sinh hoạt chưa diễn ra; chỉ ghi nhận sau buổi sinh hoạt đã họp, hãy lên lịch buổi sinh hoạt sắp tới",
                    Map.of("field", "startsAt", "now", now.toString()));
        }
        return new MeetingPlan(
                kind, title, topic, startsAt, place, agendaItems, draftResolution, new RecordedAfterwards(by, now));
    }

    private void checkContent() {
        if (agendaItems.isEmpty()) {
            throw new RuleViolationException(
                    "agenda-empty", "Cần ít nhất một nội dung trong chương trình sinh hoạt", Map.of("field", "agenda"));
        }
        if (kind == MeetingKind.THEMATIC && topic == null) {
            throw new RuleViolationException(
                    "topic-required", "Sinh hoạt chuyên đề cần ghi rõ chuyên đề", Map.of("field", "topic"));
        }
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
        // A presenter, a planned duration or the draft resolution is part of the announced content:
        // announced as an agenda change (the contract's list of changed fields stays as it was).
        if (!agendaItems.equals(next.agendaItems) || !Objects.equals(draftResolution, next.draftResolution)) {
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
