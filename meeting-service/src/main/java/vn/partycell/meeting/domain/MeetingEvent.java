package vn.partycell.meeting.domain;

import java.util.List;
import java.util.Map;

/** What happened to a meeting that other contexts react to; the meeting decides which. */
public sealed interface MeetingEvent {

    Meeting meeting();

    record Scheduled(ScheduledMeeting meeting) implements MeetingEvent {}

    /**
     * Carries every per-member fact of the final minutes: the attendance lines of the meeting and,
     * for the members on them, what else they did ({@code facts}; a member without an entry did
     * nothing more).
     */
    record Closed(ClosedMeeting meeting, Map<MemberId, MemberMeetingFacts> facts) implements MeetingEvent {

        public Closed {
            facts = Map.copyOf(facts);
        }

        public Closed(ClosedMeeting meeting) {
            this(meeting, Map.of());
        }

        public MemberMeetingFacts factsOf(MemberId member) {
            return facts.getOrDefault(member, MemberMeetingFacts.NONE);
        }
    }

    /** Time, place or agenda changed after the notice: the new plan, the previous one, what changed. */
    record Rescheduled(ScheduledMeeting meeting, MeetingPlan previous, List<String> changed) implements MeetingEvent {}

    /** Cancelled after the notice, with the reason. */
    record Cancelled(CancelledMeeting meeting) implements MeetingEvent {}
}
