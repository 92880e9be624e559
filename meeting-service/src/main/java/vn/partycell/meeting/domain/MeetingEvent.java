package vn.partycell.meeting.domain;

import java.util.List;

/** What happened to a meeting that other contexts react to; the meeting decides which. */
public sealed interface MeetingEvent {

    Meeting meeting();

    record Scheduled(ScheduledMeeting meeting) implements MeetingEvent {}

    /** Carries every per-member fact of the final minutes. */
    record Closed(ClosedMeeting meeting) implements MeetingEvent {}

    /** Time, place or agenda changed after the notice: the new plan, the previous one, what changed. */
    record Rescheduled(ScheduledMeeting meeting, MeetingPlan previous, List<String> changed) implements MeetingEvent {}

    /** Cancelled after the notice, with the reason. */
    record Cancelled(CancelledMeeting meeting) implements MeetingEvent {}
}
