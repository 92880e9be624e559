package vn.partycell.meeting.domain;

/**
 * What one member did at a meeting beyond their attendance line, as the closing event carries it
 * (MeetingClosed, revision 2): spoke (a speech in the proceedings), self-criticised (the month's
 * pick, done), commended and criticised (biểu dương, phê bình), votes cast (resolutions and election
 * ballots) and tasks assigned at the conclusion. Parts of meeting-service each know some of it; {@link
 * #plus} puts them together.
 */
public record MemberMeetingFacts(
        boolean spoke, boolean selfCriticised, int commendations, int criticisms, int votesCast, int tasksAssigned) {

    public static final MemberMeetingFacts NONE = new MemberMeetingFacts(false, false, 0, 0, 0, 0);

    public MemberMeetingFacts {
        if (commendations < 0 || criticisms < 0 || votesCast < 0 || tasksAssigned < 0) {
            throw new IllegalArgumentException("counts are not negative");
        }
    }

    public MemberMeetingFacts plus(MemberMeetingFacts other) {
        return new MemberMeetingFacts(
                spoke || other.spoke,
                selfCriticised || other.selfCriticised,
                commendations + other.commendations,
                criticisms + other.criticisms,
                votesCast + other.votesCast,
                tasksAssigned + other.tasksAssigned);
    }
}
