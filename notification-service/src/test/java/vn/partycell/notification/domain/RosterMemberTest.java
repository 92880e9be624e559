package vn.partycell.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.OrgPath;

class RosterMemberTest {

    static RosterMember withStatus(String status) {
        return new RosterMember(
                UUID.randomUUID(), UUID.randomUUID(), OrgPath.of("/hy/a/cb/"), "Nguyễn Văn An", null, status, 1);
    }

    @Test
    void probationaryAndFullMembersAreActive() {
        assertThat(withStatus("PROBATIONARY").isActive()).isTrue();
        assertThat(withStatus("FULL").isActive()).isTrue();
    }

    @Test
    void membersWhoLeftTheCellAreNot() {
        for (String status : new String[] {"REMOVED", "EXPELLED", "DECEASED", "TRANSFERRED_OUT"}) {
            assertThat(withStatus(status).isActive()).as(status).isFalse();
        }
    }
}
