package vn.partycell.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;

class CallerTest {

    private final OrgPath committeeA = OrgPath.of("/hy/a/");
    private final OrgPath cellA1 = OrgPath.of("/hy/a/cb-1/");
    private final OrgPath cellB1 = OrgPath.of("/hy/b/cb-1/");

    @Test
    void aSecretaryActsInTheirCellOnly() {
        Caller secretary = new Caller("bt", Optional.empty(), List.of(new Grant(cellA1, Role.SECRETARY)));
        assertThat(secretary.canAct(cellA1, Role.SECRETARY)).isTrue();
        assertThat(secretary.canAct(cellA1, Role.SUPERIOR)).isFalse();
        assertThat(secretary.canRead(committeeA)).isFalse();
        assertThat(secretary.canRead(cellB1)).isFalse();
    }

    @Test
    void outOfScopeReadsAndWritesAre404() {
        Caller superiorA = new Caller("du", Optional.empty(), List.of(new Grant(committeeA, Role.SUPERIOR)));
        superiorA.requireRead(cellA1, "chi bộ", "x");
        assertThatThrownBy(() -> superiorA.requireRead(cellB1, "chi bộ", "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> superiorA.requireRole(cellB1, Role.MEMBER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void insideTheSubtreeWithTooWeakARoleIs403AndOutsideIs404() {
        Caller committeeA1 = new Caller("cuv", Optional.empty(), List.of(new Grant(cellA1, Role.COMMITTEE)));
        committeeA1.requireRole(cellA1, Role.COMMITTEE);
        assertThatThrownBy(() -> committeeA1.requireRole(cellA1, Role.SECRETARY))
                .isInstanceOf(ForbiddenException.class);
        // The committee above the cell is not inside the grant: not found, not forbidden.
        assertThatThrownBy(() -> committeeA1.requireRole(committeeA, Role.SECRETARY))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> committeeA1.requireRole(cellB1, Role.MEMBER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMemberReadsButCannotChange() {
        UUID me = UUID.randomUUID();
        Caller member = new Caller("dv", Optional.of(me), List.of(new Grant(cellA1, Role.MEMBER)));
        assertThat(member.canRead(cellA1)).isTrue();
        assertThatThrownBy(() -> member.requireRole(cellA1, Role.COMMITTEE)).isInstanceOf(ForbiddenException.class);
        assertThat(member.isMember(me)).isTrue();
        assertThat(member.isMember(UUID.randomUUID())).isFalse();
    }

    @Test
    void aRootGrantCollapsesTheScopeToEverything() {
        Caller admin = new Caller(
                "admin",
                Optional.empty(),
                List.of(new Grant(OrgPath.ROOT, Role.ADMIN), new Grant(cellA1, Role.MEMBER)));
        assertThat(admin.readablePrefixes()).containsExactly(OrgPath.ROOT);
        Caller none = new Caller("nobody", Optional.empty(), List.of());
        assertThat(none.readablePrefixes()).isEmpty();
        assertThat(none.canRead(cellA1)).isFalse();
    }

    @Test
    void rolesAreOrderedWeakestFirst() {
        assertThat(Role.ADMIN.atLeast(Role.SUPERIOR)).isTrue();
        assertThat(Role.COMMITTEE.atLeast(Role.SECRETARY)).isFalse();
        assertThat(Role.parse(" secretary ")).isEqualTo(Role.SECRETARY);
    }
}
