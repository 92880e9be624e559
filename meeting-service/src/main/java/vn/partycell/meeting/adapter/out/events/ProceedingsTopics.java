package vn.partycell.meeting.adapter.out.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.Election;
import vn.partycell.meeting.domain.ElectionResult;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.ProceedingsEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * The wire shape of a congress's election result (contract meetings.congress.elected.v1.json) on its
 * own topic, keyed by the cell, so that a cell's congresses and by-elections reach member-service in
 * order; {@code version} is the proceedings' own.
 */
@Component
public class ProceedingsTopics implements OutboxEventMapper<ProceedingsEvent> {

    public static final String CONGRESS = "meetings.congress.v1";

    private final OutboundEvents events;

    public ProceedingsTopics(OutboundEvents events) {
        this.events = events;
    }

    public record VotesData(UUID memberId, int votes) {}

    public record ElectedData(
            UUID electionId,
            UUID meetingId,
            UUID cellId,
            String orgPath,
            String meetingKind,
            LocalDate heldOn,
            String role,
            int seats,
            int ballotsCast,
            int required,
            List<VotesData> votes,
            List<UUID> elected,
            LocalDate electedFrom,
            Instant countedAt,
            long version) {}

    @Override
    public OutboxEvent toOutbox(ProceedingsEvent event) {
        return switch (event) {
            case ProceedingsEvent.CommitteeElected e -> elected(e.proceedings(), e.election());
        };
    }

    private OutboxEvent elected(Proceedings p, Election e) {
        ElectionResult r = e.result();
        return events.create(
                CONGRESS,
                EventContracts.CONGRESS_ELECTED,
                p.cellId().toString(),
                p.orgPath(),
                new ElectedData(
                        e.id(),
                        p.meetingId().value(),
                        p.cellId().value(),
                        p.orgPath().value(),
                        p.kind().name(),
                        p.heldOn(),
                        e.role().name(),
                        e.seats(),
                        r.ballotsCast(),
                        r.required(),
                        r.votes().stream()
                                .map(v -> new VotesData(v.memberId().value(), v.votes()))
                                .toList(),
                        r.elected().stream().map(m -> m.value()).toList(),
                        r.electedFrom(),
                        r.countedAt(),
                        p.version()));
    }
}
