package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class RosterMemberTest {

    private RosterMember member(String status, boolean exempted) {
        return new RosterMember(
                UUID.randomUUID(), UUID.randomUUID(), null, OrgPath.of("/hy/cb/"), "Lê Văn Tám", status, exempted, 1);
    }

    @Test
    void onlyFullMembersWhoAreNotExemptedCountForQuorum() {
        assertThat(member("FULL", false).countsForQuorum()).isTrue();
        assertThat(member("FULL", true).countsForQuorum()).isFalse();
        assertThat(member("PROBATIONARY", false).countsForQuorum()).isFalse();
    }

    @Test
    void probationaryMembersAreActiveButDoNotVote() {
        RosterMember probationary = member("PROBATIONARY", false);
        assertThat(probationary.isActive()).isTrue();
        assertThat(probationary.mayVote()).isFalse();
        assertThat(member("REMOVED", false).isActive()).isFalse();
    }
}
