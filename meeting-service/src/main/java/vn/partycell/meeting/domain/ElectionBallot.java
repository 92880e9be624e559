package vn.partycell.meeting.domain;

import java.util.List;
import java.util.Objects;

/** One full member's ballot in an election (phiếu bầu): the candidates they chose, at most the seats. */
public record ElectionBallot(MemberId voterId, List<MemberId> chosen) {

    public ElectionBallot {
        Objects.requireNonNull(voterId, "voterId");
        chosen = List.copyOf(chosen);
    }
}
