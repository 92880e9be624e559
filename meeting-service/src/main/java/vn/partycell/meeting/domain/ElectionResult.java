package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The count of an election (kết quả bầu cử): the ballots cast, the votes each candidate needed (more
 * than half of the ballots cast under the year's rule), each candidate's votes (most first) and who
 * is elected, from which day (the meeting's local date).
 */
public record ElectionResult(
        int ballotsCast,
        int required,
        List<CandidateVotes> votes,
        List<MemberId> elected,
        LocalDate electedFrom,
        String countedBy,
        Instant countedAt) {

    public ElectionResult {
        votes = List.copyOf(votes);
        elected = List.copyOf(elected);
        Objects.requireNonNull(electedFrom, "electedFrom");
        Objects.requireNonNull(countedAt, "countedAt");
    }

    public record CandidateVotes(MemberId memberId, int votes) {}
}
