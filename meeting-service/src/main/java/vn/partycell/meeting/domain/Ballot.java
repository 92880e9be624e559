package vn.partycell.meeting.domain;

import java.util.Objects;

/** One full member's vote on a resolution; one per member and resolution, never changed. */
public record Ballot(MemberId memberId, VoteChoice choice) {

    public Ballot {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(choice, "choice");
    }
}
