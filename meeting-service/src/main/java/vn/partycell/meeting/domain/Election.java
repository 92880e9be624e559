package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An election at a congress (bầu cử tại đại hội): the role and its seats, the candidates (full members
 * only), one ballot per full member present, and once counted its result. Counted once; no ballot
 * after the count.
 */
public record Election(
        UUID id,
        CommitteeRole role,
        int seats,
        List<MemberId> candidates,
        List<ElectionBallot> ballots,
        ElectionResult result,
        String openedBy,
        Instant openedAt) {

    public Election {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(openedAt, "openedAt");
        candidates = List.copyOf(candidates);
        ballots = List.copyOf(ballots);
    }

    public boolean counted() {
        return result != null;
    }

    public boolean hasVoted(MemberId voter) {
        return ballots.stream().anyMatch(b -> b.voterId().equals(voter));
    }
}
