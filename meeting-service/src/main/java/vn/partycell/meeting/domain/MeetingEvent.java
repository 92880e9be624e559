package vn.partycell.meeting.domain;

/** What happened to a meeting that other contexts react to. */
public sealed interface MeetingEvent {

    Meeting meeting();

    record Scheduled(Meeting meeting) implements MeetingEvent {}

    /** Carries every per-member fact of the final minutes. */
    record Closed(Meeting meeting) implements MeetingEvent {}
}
