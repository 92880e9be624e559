package vn.partycell.member.adapter.in.events;

import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.member.application.CongressElections;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;

/**
 * Reads meeting-service's congress elections (contract meetings.congress.elected.v1) by field name
 * into a typed call on {@link CongressElections}; other types on the topic are skipped.
 */
@Component
public class CongressEventReader {

    private final CongressElections elections;

    public CongressEventReader(CongressElections elections) {
        this.elections = elections;
    }

    public Outcome onCongressEvent(InboundEvent event) {
        if (!EventContracts.CONGRESS_ELECTED.equals(event.envelope().type())) {
            return Outcome.IGNORED;
        }
        EventFields d = event.fields();
        // The contract names the roles a congress elects; one added later is not a role here yet.
        ElectedRole role = d.knownEnum("role", ElectedRole.class)
                .filter(r -> r != ElectedRole.PARTY_GROUP_LEADER)
                .orElseThrow(() -> new PoisonEventException(
                        "event " + d.eventId() + ": role " + d.text("role") + " is not elected at a congress"));
        CongressElections.Elected elected = d.valid(() -> new CongressElections.Elected(
                d.uuid("electionId"),
                new OrgUnitId(d.uuid("cellId")),
                role,
                d.texts("elected").stream()
                        .map(id -> new MemberId(java.util.UUID.fromString(id)))
                        .toList(),
                d.date("electedFrom")));
        return elections.onElected(elected) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
