package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.Nomination;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * The wire shape of self-criticism (contract meetings.self-criticism.recorded.v1.json) on its own
 * topic, keyed by the cell (its rounds stay in order; the round id is in the data). A party group is null on the wire for the
 * cell-level group (members in no party group of the cell).
 */
@Component
public class SelfCriticismTopics implements OutboxEventMapper<SelfCriticismEvent> {

    public static final String SELF_CRITICISM = "meetings.self-criticism.v1";

    private final OutboundEvents events;

    public SelfCriticismTopics(OutboundEvents events) {
        this.events = events;
    }

    public record NomineeData(UUID partyGroupId, UUID memberId) {}

    public record RecordedData(
            String roundId,
            UUID cellId,
            String orgPath,
            int year,
            int month,
            UUID memberId,
            UUID partyGroupId,
            String outcome,
            String reason,
            String note,
            List<NomineeData> nominees,
            String recordedBy,
            Instant recordedAt,
            long version) {}

    @Override
    public OutboxEvent toOutbox(SelfCriticismEvent event) {
        return switch (event) {
            case SelfCriticismEvent.Recorded r -> recorded(r.round());
        };
    }

    private OutboxEvent recorded(SelfCriticismRound r) {
        UUID cellId = r.id().cellId().value();
        Nomination picked = r.pickedNomination().orElseThrow();
        return events.create(
                SELF_CRITICISM,
                EventContracts.SELF_CRITICISM_RECORDED,
                cellId.toString(),
                r.orgPath(),
                new RecordedData(
                        r.id().toString(),
                        cellId,
                        r.orgPath().value(),
                        r.month().getYear(),
                        r.month().getMonthValue(),
                        picked.memberId().value(),
                        group(picked.groupId(), cellId),
                        r.outcome().done() ? "DONE" : "NOT_DONE",
                        r.outcome().reason(),
                        r.outcome().note(),
                        r.nominations().values().stream()
                                .map(n -> new NomineeData(
                                        group(n.groupId(), cellId), n.memberId().value()))
                                .toList(),
                        r.outcome().recordedBy(),
                        r.outcome().recordedAt(),
                        r.version()));
    }

    private static UUID group(OrgUnitId group, UUID cellId) {
        return group.value().equals(cellId) ? null : group.value();
    }
}
