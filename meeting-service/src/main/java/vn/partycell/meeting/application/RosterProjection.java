package vn.partycell.meeting.application;

import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.RosterMember;

/**
 * Keeps cells and rosters in step with member-service. Its events carry full snapshots with
 * versions, so a redelivery or a replay from the start applies "newer wins" and lands on the same
 * state.
 */
@Service
public class RosterProjection {

    private final RosterRepository rosters;

    public RosterProjection(RosterRepository rosters) {
        this.rosters = rosters;
    }

    /** An org node was created or changed; only cells and their party groups are kept. */
    public RosterUpdate onOrgUnitChanged(Cell unit, Occurrence occurrence) {
        if (!unit.kind().holdsMembers()) {
            return RosterUpdate.NOT_KEPT;
        }
        return rosters.saveIfNewer(unit, occurrence) ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }

    /** A member was registered or changed: their latest snapshot replaces an older one. */
    public RosterUpdate onMemberChanged(RosterMember member, Occurrence occurrence) {
        return rosters.saveIfNewer(member, occurrence) ? RosterUpdate.APPLIED : RosterUpdate.ALREADY_CURRENT;
    }
}
