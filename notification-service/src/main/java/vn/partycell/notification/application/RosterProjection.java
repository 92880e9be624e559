package vn.partycell.notification.application;

import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.Occurrence;
import vn.partycell.notification.domain.RosterMember;

/**
 * Keeps the cell rosters notices are addressed to in step with member-service. Member events carry
 * full snapshots with versions, so a redelivery or a replay from the start applies "newer version
 * wins" and lands on the same state; the applied event id is kept with it.
 */
@Service
public class RosterProjection {

    private final RosterRepository roster;

    public RosterProjection(RosterRepository roster) {
        this.roster = roster;
    }

    /** A member registered or changed: the snapshot replaces an older one. */
    public Effect onMemberChanged(RosterMember member, Occurrence occurrence) {
        return roster.saveIfNewer(member, occurrence.eventId()) ? Effect.APPLIED : Effect.DUPLICATE;
    }
}
