package vn.partycell.meeting.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.security.Caller;

/**
 * Keeps cells and rosters in step with member-service. Events carry full snapshots with versions,
 * so a redelivery or a replay from the start applies "newer wins" and lands on the same state.
 */
@Service
public class RosterProjection {

    /** members.org-unit.* data, as the contract defines it. */
    public record OrgUnitData(
            UUID orgUnitId, String code, String name, String kind, UUID parentId, String orgPath, long version) {}

    /** members.member.* data, as the contract defines it. */
    public record MemberData(
            UUID memberId,
            String fullName,
            String gender,
            LocalDate dateOfBirth,
            UUID cellId,
            UUID partyGroupId,
            String orgPath,
            String status,
            boolean exempted,
            LocalDate joinedOn,
            String email,
            long version) {}

    private final RosterStore store;

    public RosterProjection(RosterStore store) {
        this.store = store;
    }

    public Outcome onOrgUnitEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.ORG_UNIT_CREATED) && !type.equals(EventContracts.ORG_UNIT_UPDATED)) {
            return Outcome.IGNORED;
        }
        OrgUnitData d = event.data(OrgUnitData.class);
        if (!"CELL".equals(d.kind()) && !"PARTY_GROUP".equals(d.kind())) {
            return Outcome.IGNORED;
        }
        Cell cell = new Cell(d.orgUnitId(), d.code(), d.name(), d.kind(), d.parentId(), path(d.orgPath()), d.version());
        return store.saveIfNewer(cell, event.envelope().id()) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    public Outcome onMemberEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.MEMBER_REGISTERED) && !type.equals(EventContracts.MEMBER_UPDATED)) {
            return Outcome.IGNORED;
        }
        MemberData d = event.data(MemberData.class);
        if (d.memberId() == null || d.cellId() == null || d.version() < 1) {
            throw new PoisonEventException("Event " + event.envelope().id() + " lacks memberId, cellId or version");
        }
        RosterMember member = new RosterMember(
                d.memberId(),
                d.cellId(),
                d.partyGroupId(),
                path(d.orgPath()),
                d.fullName(),
                d.status(),
                d.exempted(),
                d.version());
        return store.saveIfNewer(member, event.envelope().id()) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }

    public List<RosterMember> roster(Caller caller, UUID cellId) {
        Cell cell = store.cell(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        return store.roster(cellId);
    }

    private static OrgPath path(String value) {
        try {
            return OrgPath.of(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Invalid orgPath " + value, e);
        }
    }
}
