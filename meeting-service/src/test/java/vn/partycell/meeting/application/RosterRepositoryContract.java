package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.kernel.OrgPath;

/**
 * What every {@link RosterRepository} promises, run against the in-memory port the application
 * tests use and against the Mongo adapter, so that the two cannot drift apart.
 */
public abstract class RosterRepositoryContract {

    protected abstract RosterRepository repository();

    private final OrgPath path =
            OrgPath.of("/hy/a/cb-" + UUID.randomUUID().toString().substring(0, 6) + "/");
    private final CellId cellId = new CellId(UUID.randomUUID());
    private final MemberId an = new MemberId(UUID.randomUUID());

    private RosterMember an(MemberStatus status, long version) {
        return new RosterMember(
                an, cellId, new OrgUnitId(UUID.randomUUID()), path, "Nguyễn Văn An", status, true, version);
    }

    @Test
    void onlyANewerMemberSnapshotIsStored() {
        RosterRepository rosters = repository();
        RosterMember v2 = an(MemberStatus.FULL, 2);
        assertThat(rosters.saveIfNewer(an(MemberStatus.PROBATIONARY, 1), new Occurrence("e1")))
                .isTrue();
        assertThat(rosters.saveIfNewer(v2, new Occurrence("e2"))).isTrue();
        assertThat(rosters.saveIfNewer(v2, new Occurrence("e2"))).isFalse();
        assertThat(rosters.saveIfNewer(an(MemberStatus.REMOVED, 1), new Occurrence("e1")))
                .isFalse();
        assertThat(rosters.roster(cellId)).containsExactly(v2);
    }

    @Test
    void onlyANewerCellSnapshotIsStored() {
        RosterRepository rosters = repository();
        Cell v1 = new Cell(cellId, "cb-01", "Chi bộ 1", OrgUnitKind.CELL, null, path, 1);
        Cell v2 = new Cell(
                cellId, "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, new OrgUnitId(UUID.randomUUID()), path, 2);
        assertThat(rosters.saveIfNewer(v2, new Occurrence("e2"))).isTrue();
        assertThat(rosters.saveIfNewer(v1, new Occurrence("e1"))).isFalse();
        assertThat(rosters.saveIfNewer(v2, new Occurrence("e2"))).isFalse();
        assertThat(rosters.cell(cellId)).contains(v2);
        assertThat(rosters.cell(new CellId(UUID.randomUUID()))).isEmpty();
    }
}
