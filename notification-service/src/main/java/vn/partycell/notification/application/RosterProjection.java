package vn.partycell.notification.application;

import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Keeps the cell rosters notices are addressed to in step with member-service. Member events carry
 * full snapshots with versions, so a redelivery or a replay from the start applies "newer version
 * wins" and lands on the same state.
 */
@Service
public class RosterProjection {

    /** members.member.* data, as far as notices need it (unknown fields are ignored). */
    public record MemberData(
            UUID memberId, String fullName, UUID cellId, String orgPath, String status, String email, long version) {}

    private final RosterStore store;

    public RosterProjection(RosterStore store) {
        this.store = store;
    }

    public Outcome onMemberEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.MEMBER_REGISTERED) && !type.equals(EventContracts.MEMBER_UPDATED)) {
            return Outcome.IGNORED;
        }
        MemberData d = event.data(MemberData.class);
        String id = event.envelope().id();
        if (d.memberId() == null || d.cellId() == null || d.version() < 1 || d.status() == null) {
            throw new PoisonEventException("Event " + id + " lacks memberId, cellId, status or version");
        }
        RosterMember member = new RosterMember(
                d.memberId(), d.cellId(), path(id, d.orgPath()), d.fullName(), d.email(), d.status(), d.version());
        return store.saveIfNewer(member, id) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    static OrgPath path(String eventId, String value) {
        try {
            return OrgPath.of(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + eventId + " has an invalid orgPath " + value, e);
        }
    }
}
