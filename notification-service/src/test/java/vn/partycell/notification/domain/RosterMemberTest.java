package vn.partycell.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class RosterMemberTest {

    static RosterMember withStatus(MemberStatus status) {
        return new RosterMember(
                new MemberId(UUID.randomUUID()),
                new CellId(UUID.randomUUID()),
                OrgPath.of("/hy/a/cb/"),
                "Nguyễn Văn An",
                null,
                status,
                1);
    }

    @Test
    void probationaryAndFullMembersAreActive() {
        assertThat(withStatus(MemberStatus.PROBATIONARY).isActive()).isTrue();
        assertThat(withStatus(MemberStatus.FULL).isActive()).isTrue();
    }

    @Test
    void membersWhoLeftTheCellAreNot() {
        for (MemberStatus status : new MemberStatus[] {
            MemberStatus.REMOVED, MemberStatus.EXPELLED, MemberStatus.DECEASED, MemberStatus.TRANSFERRED_OUT
        }) {
            assertThat(withStatus(status).isActive()).as(status.name()).isFalse();
        }
    }
}
