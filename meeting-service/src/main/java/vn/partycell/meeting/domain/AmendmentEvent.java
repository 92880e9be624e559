package vn.partycell.meeting.domain;

/** What an amendment causes that others react to. */
public sealed interface AmendmentEvent {

    /** An approved correction: scoring follows the corrected per-member facts. */
    record Approved(Amendment amendment, ClosedMeeting meeting) implements AmendmentEvent {}
}
