package vn.partycell.notification.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.RosterProjection;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads member-service's events: registered and updated members feed the roster read model, read
 * by field name (where notices go and whether the member is active; nothing else of the member).
 */
@Component
public class MemberEventHandler implements EventHandler {

    private final RosterProjection roster;

    public MemberEventHandler(RosterProjection roster) {
        this.roster = roster;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.MEMBER_REGISTERED) && !type.equals(EventContracts.MEMBER_UPDATED)) {
            return Outcome.IGNORED;
        }
        return EventChecks.outcome(roster.onMemberChanged(member(event.fields()), EventChecks.occurrence(event)));
    }

    static RosterMember member(EventFields d) {
        MemberId memberId = new MemberId(d.uuid("memberId"));
        CellId registeredIn = new CellId(d.uuid("cellId"));
        // Meeting notices go to the cell the member meets in: the host cell of an attachment, none
        // while a transfer is pending. Events without these optional fields count the own cell.
        CellId cellId = d.optionalBool("inTransit").orElse(false)
                ? null
                : d.optionalUuid("meetingCellId").map(CellId::new).orElse(registeredIn);
        var orgPath = d.orgPath("orgPath");
        String fullName = d.optionalText("fullName").orElse(null);
        String email = d.optionalText("email").orElse(null);
        MemberStatus status = d.enumValue("status", MemberStatus.class);
        long version = d.positiveLong("version");
        return d.valid(() -> new RosterMember(memberId, cellId, orgPath, fullName, email, status, version));
    }
}
