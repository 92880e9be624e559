package vn.partycell.notification.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.RosterProjection;
import vn.partycell.notification.domain.CellId;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.MemberStatus;
import vn.partycell.notification.domain.RosterMember;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/** Reads member-service's events: registered and updated members feed the roster read model. */
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
        EventData.MemberChanged d = event.data(EventData.MemberChanged.class);
        String id = event.envelope().id();
        if (d.memberId() == null
                || d.cellId() == null
                || d.version() == null
                || d.version() < 1
                || d.status() == null) {
            throw new PoisonEventException("Event " + id + " lacks memberId, cellId, status or version");
        }
        RosterMember member = EventChecks.valid(
                event,
                () -> new RosterMember(
                        new MemberId(d.memberId()),
                        // Meeting notices go to the cell the member meets in: the host cell of an
                        // attachment, none while a transfer is pending.
                        Boolean.TRUE.equals(d.inTransit())
                                ? null
                                : new CellId(d.meetingCellId() != null ? d.meetingCellId() : d.cellId()),
                        EventChecks.path(id, d.orgPath()),
                        d.fullName(),
                        d.email(),
                        EventChecks.parse(MemberStatus.class, d.status()),
                        d.version()));
        return EventChecks.outcome(roster.onMemberChanged(member, EventChecks.occurrence(event)));
    }
}
