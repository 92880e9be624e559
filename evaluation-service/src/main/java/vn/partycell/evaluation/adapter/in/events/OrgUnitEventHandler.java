package vn.partycell.evaluation.adapter.in.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.application.OrgMoveProjection;
import vn.partycell.platform.events.EventHandler;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/** Reads member-service's org-unit events: only members.org-unit.moved matters here (scope of scorecards). */
@Component
public class OrgUnitEventHandler implements EventHandler {

    /** The part of members.org-unit.moved data this service uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MovedData(UUID orgUnitId, String orgPath, String previousOrgPath, Long version) {}

    private final OrgMoveProjection moves;

    public OrgUnitEventHandler(OrgMoveProjection moves) {
        this.moves = moves;
    }

    @Override
    public Outcome handle(InboundEvent event) {
        if (!EventContracts.ORG_UNIT_MOVED.equals(event.envelope().type())) {
            return Outcome.IGNORED;
        }
        MovedData d = event.data(MovedData.class);
        String id = event.envelope().id();
        if (d.orgUnitId() == null || d.version() == null || d.version() < 1) {
            throw new PoisonEventException("Event " + id + " lacks orgUnitId or version");
        }
        return MeetingEventHandler.outcome(moves.onOrgUnitMoved(
                d.orgUnitId().toString(), d.version(), path(id, d.previousOrgPath()), path(id, d.orgPath())));
    }

    private static OrgPath path(String eventId, String value) {
        try {
            return OrgPath.of(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + eventId + " has an invalid org path " + value, e);
        }
    }
}
