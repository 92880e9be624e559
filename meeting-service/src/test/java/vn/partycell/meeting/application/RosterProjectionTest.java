package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The roster projection and its queries against the in-memory port. */
class RosterProjectionTest {

    private static final OrgPath CELL_PATH = OrgPath.of("/hy/a/cb-01/");

    private final InMemoryRosterRepository rosters = new InMemoryRosterRepository();
    private final RosterProjection projection = new RosterProjection(rosters);
    private final RosterQueries queries = new RosterQueries(rosters);
    private final CellId cellId = new CellId(UUID.randomUUID());
    private final MemberId an = new MemberId(UUID.randomUUID());

    private RosterMember an(MemberStatus status, long version) {
        return new RosterMember(an, cellId, null, CELL_PATH, "Nguyễn Văn An", status, false, version);
    }

    private Cell unit(CellId id, OrgUnitKind kind, OrgPath path, long version) {
        return new Cell(id, "x", "Tổ chức", kind, new OrgUnitId(UUID.randomUUID()), path, version);
    }

    @Test
    void aNewerVersionWins() {
        assertThat(projection.onMemberChanged(an(MemberStatus.PROBATIONARY, 1), new Occurrence("e1")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onMemberChanged(an(MemberStatus.FULL, 2), new Occurrence("e2")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(rosters.member(an)).contains(an(MemberStatus.FULL, 2));
        assertThat(rosters.lastEventId(an)).isEqualTo("e2");
    }

    @Test
    void aDuplicateChangesNothing() {
        projection.onMemberChanged(an(MemberStatus.PROBATIONARY, 1), new Occurrence("e1"));
        assertThat(projection.onMemberChanged(an(MemberStatus.PROBATIONARY, 1), new Occurrence("e1")))
                .isEqualTo(RosterUpdate.ALREADY_CURRENT);
        assertThat(rosters.member(an)).contains(an(MemberStatus.PROBATIONARY, 1));
    }

    @Test
    void anOlderSnapshotArrivingLateIsDropped() {
        projection.onMemberChanged(an(MemberStatus.REMOVED, 3), new Occurrence("e3"));
        assertThat(projection.onMemberChanged(an(MemberStatus.FULL, 2), new Occurrence("e2")))
                .isEqualTo(RosterUpdate.ALREADY_CURRENT);
        assertThat(rosters.member(an)).contains(an(MemberStatus.REMOVED, 3));
        assertThat(rosters.lastEventId(an)).isEqualTo("e3");
    }

    @Test
    void onlyCellsAndPartyGroupsAreKept() {
        CellId committee = new CellId(UUID.randomUUID());
        assertThat(projection.onOrgUnitChanged(
                        unit(committee, OrgUnitKind.GRASSROOTS, OrgPath.of("/hy/a/"), 1), new Occurrence("e1")))
                .isEqualTo(RosterUpdate.NOT_KEPT);
        assertThat(rosters.cell(committee)).isEmpty();
        assertThat(projection.onOrgUnitChanged(unit(cellId, OrgUnitKind.CELL, CELL_PATH, 1), new Occurrence("e2")))
                .isEqualTo(RosterUpdate.APPLIED);
        CellId group = new CellId(UUID.randomUUID());
        assertThat(projection.onOrgUnitChanged(
                        unit(group, OrgUnitKind.PARTY_GROUP, CELL_PATH.child("to-1"), 1), new Occurrence("e3")))
                .isEqualTo(RosterUpdate.APPLIED);
        assertThat(projection.onOrgUnitChanged(unit(cellId, OrgUnitKind.CELL, CELL_PATH, 1), new Occurrence("e2")))
                .isEqualTo(RosterUpdate.ALREADY_CURRENT);
    }

    @Test
    void theRosterIsReadWithinTheCallersSubtrees() {
        projection.onOrgUnitChanged(unit(cellId, OrgUnitKind.CELL, CELL_PATH, 1), new Occurrence("e1"));
        projection.onMemberChanged(an(MemberStatus.FULL, 1), new Occurrence("e2"));
        Caller superior = new Caller("du", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/a/"), Role.SUPERIOR)));
        Caller outsider = new Caller("bt-b", Optional.empty(), List.of(new Grant(OrgPath.of("/hy/b/"), Role.SUPERIOR)));

        assertThat(queries.roster(superior, cellId)).containsExactly(an(MemberStatus.FULL, 1));
        assertThatThrownBy(() -> queries.roster(outsider, cellId)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.roster(superior, new CellId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }
}
