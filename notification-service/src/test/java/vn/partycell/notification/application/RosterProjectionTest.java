package vn.partycell.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;

/** Newer version wins, whatever order member snapshots arrive in. */
class RosterProjectionTest {

    final InMemoryRosterRepository roster = new InMemoryRosterRepository();
    final RosterProjection projection = new RosterProjection(roster);
    final MemberId an = new MemberId(UUID.randomUUID());
    final CellId cell = new CellId(UUID.randomUUID());

    RosterMember snapshot(MemberStatus status, long version) {
        return new RosterMember(an, cell, OrgPath.of("/hy/a/cb-1/"), "Nguyễn Văn An", null, status, version);
    }

    static Occurrence event(String id) {
        return new Occurrence(id, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aNewerSnapshotReplacesAnOlderOneAndNothingElseDoes() {
        assertThat(projection.onMemberChanged(snapshot(MemberStatus.FULL, 2), event("e-2")))
                .isEqualTo(Effect.APPLIED);
        assertThat(projection.onMemberChanged(snapshot(MemberStatus.PROBATIONARY, 1), event("e-1")))
                .isEqualTo(Effect.DUPLICATE);
        assertThat(projection.onMemberChanged(snapshot(MemberStatus.FULL, 2), event("e-2")))
                .isEqualTo(Effect.DUPLICATE);
        assertThat(roster.member(an)).contains(snapshot(MemberStatus.FULL, 2));
        assertThat(roster.appliedEvents.get(an)).isEqualTo("e-2");

        assertThat(projection.onMemberChanged(snapshot(MemberStatus.REMOVED, 3), event("e-3")))
                .isEqualTo(Effect.APPLIED);
        assertThat(roster.roster(cell))
                .singleElement()
                .satisfies(m -> assertThat(m.isActive()).isFalse());
    }
}
