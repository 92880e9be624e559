package vn.partycell.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class RosterMemberTest {

    private RosterMember member(MemberStatus status, boolean exempted) {
        return new RosterMember(
                new MemberId(UUID.randomUUID()),
                new CellId(UUID.randomUUID()),
                null,
                OrgPath.of("/hy/cb/"),
                "Lê Văn Tám",
                status,
                exempted,
                1);
    }

    @Test
    void onlyFullMembersWhoAreNotExemptedCountForQuorum() {
        assertThat(member(MemberStatus.FULL, false).countsForQuorum()).isTrue();
        assertThat(member(MemberStatus.FULL, true).countsForQuorum()).isFalse();
        assertThat(member(MemberStatus.PROBATIONARY, false).countsForQuorum()).isFalse();
    }

    @Test
    void probationaryMembersAreActiveButDoNotVote() {
        RosterMember probationary = member(MemberStatus.PROBATIONARY, false);
        assertThat(probationary.isActive()).isTrue();
        assertThat(probationary.mayVote()).isFalse();
        assertThat(member(MemberStatus.REMOVED, false).isActive()).isFalse();
    }
}
