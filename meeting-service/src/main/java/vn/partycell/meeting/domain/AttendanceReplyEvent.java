package vn.partycell.meeting.domain;

/** What a member's answer to a notice causes that others react to. */
public sealed interface AttendanceReplyEvent {

    /** The secretary accepted or refused an excuse; the member is told. */
    record ExcuseDecided(AttendanceReply reply, Meeting meeting) implements AttendanceReplyEvent {}
}
