package vn.partycell.meeting.domain;

import java.util.List;

/** A cell's roster at a moment: who is expected at a meeting, who counts for quorum. */
public record Roster(List<RosterMember> members) {

    public Roster {
        members = List.copyOf(members);
    }

    public boolean isActiveMember(MemberId memberId) {
        return members.stream().anyMatch(m -> m.memberId().equals(memberId) && m.isActive());
    }

    /** Active members who are not exempted must all be accounted for. */
    public List<RosterMember> expected() {
        return members.stream().filter(m -> m.isActive() && !m.exempted()).toList();
    }

    public List<RosterMember> quorumBase() {
        return members.stream().filter(RosterMember::countsForQuorum).toList();
    }
}
