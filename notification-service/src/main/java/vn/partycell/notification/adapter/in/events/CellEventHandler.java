package vn.partycell.notification.adapter.in.events;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.notification.application.OverdueNoticeReactions;
import vn.partycell.notification.domain.CellMeetingOverdue;
import vn.partycell.notification.domain.MeetingKind;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.SecretaryHolding;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;

/**
 * Reads what the overdue notice needs, by field name: the secretaries from member-service's role
 * events (members.org-unit.role-assigned/ended, SECRETARY only) and meeting-service's
 * meetings.cell.meeting-overdue. Other types are not used here (IGNORED).
 */
@Component
public class CellEventHandler implements EventHandler {

    private final OverdueNoticeReactions reactions;

    public CellEventHandler(OverdueNoticeReactions reactions) {
        this.reactions = reactions;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        String type = event.envelope().type();
        EventFields d = event.fields();
        if (type.equals(EventContracts.CELL_MEETING_OVERDUE)) {
            Optional<MeetingKind> kind = d.knownEnum("meetingKind", MeetingKind.class);
            if (kind.isEmpty()) {
                return Outcome.NO_EFFECT;
            }
            CellMeetingOverdue overdue = d.valid(() -> new CellMeetingOverdue(
                    new OrgUnitId(d.uuid("cellId")),
                    d.optionalUuid("parentId").map(OrgUnitId::new).orElse(null),
                    d.text("name"),
                    d.orgPath("orgPath"),
                    kind.get(),
                    d.text("period"),
                    d.date("periodStart"),
                    d.date("periodEnd")));
            return EventChecks.outcome(reactions.onCellMeetingOverdue(overdue, EventChecks.occurrence(event)));
        }
        boolean assigned = type.equals(EventContracts.ORG_UNIT_ROLE_ASSIGNED);
        if (!assigned && !type.equals(EventContracts.ORG_UNIT_ROLE_ENDED)) {
            return Outcome.IGNORED;
        }
        if (!"SECRETARY".equals(d.text("role"))) {
            return Outcome.NO_EFFECT;
        }
        SecretaryHolding holding = d.valid(() -> new SecretaryHolding(
                new OrgUnitId(d.uuid("orgUnitId")),
                assigned ? new MemberId(d.uuid("memberId")) : null,
                d.uuid("assignmentId").toString(),
                d.positiveLong("version")));
        return EventChecks.outcome(
                reactions.onSecretaryChanged(holding, event.envelope().id()));
    }
}
