package vn.partycell.meeting.domain;

/**
 * What one member did at a meeting according to its proceedings, for the closing event (MeetingClosed
 * v2) and scoring: spoke, how often commended and criticised, how many votes cast (resolutions and
 * election ballots).
 */
public record MemberProceedingsFacts(
        MemberId memberId, boolean spoke, int commendations, int criticisms, int votesCast) {}
