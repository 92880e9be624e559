package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A resolution put to the vote (nghị quyết, biểu quyết): its title and text and the full members'
 * ballots. {@code eligible} is the full members who are not exempted (the base of the quorum) when
 * the last ballots were cast, and {@code required} the votes for it needs from them under the year's
 * rule for the kind of meeting; it passes with that many votes for.
 */
public record Resolution(
        UUID id,
        String title,
        String text,
        List<Ballot> ballots,
        int eligible,
        int required,
        String proposedBy,
        Instant proposedAt) {

    public Resolution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(proposedAt, "proposedAt");
        ballots = List.copyOf(ballots);
    }

    public int count(VoteChoice choice) {
        return (int) ballots.stream().filter(b -> b.choice() == choice).count();
    }

    public boolean passed() {
        return !ballots.isEmpty() && eligible > 0 && count(VoteChoice.FOR) >= required;
    }

    public boolean hasVoted(MemberId memberId) {
        return ballots.stream().anyMatch(b -> b.memberId().equals(memberId));
    }
}
