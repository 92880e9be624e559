package vn.partycell.meeting.domain;

/** What happened to a meeting that other contexts react to; the meeting decides which. */
public sealed interface MeetingEvent {

    Meeting meeting();

    record Scheduled(ScheduledMeeting meeting) implements MeetingEvent {}

    /** Carries every per-member fact of the final minutes. */
    record Closed(ClosedMeeting meeting) implements MeetingEvent {}
}
