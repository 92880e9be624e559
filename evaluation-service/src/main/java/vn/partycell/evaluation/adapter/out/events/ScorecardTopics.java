package vn.partycell.evaluation.adapter.out.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.evaluation.domain.ScorecardEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * How evaluation-service's events look on the wire (contract:
 * evaluations.scorecard.absence-counted.v1.json). The Mongo adapter receives this as the platform's
 * {@link OutboxEventMapper}, so it never sees these records. Keyed by the member id.
 */
@Component
public class ScorecardTopics implements OutboxEventMapper<ScorecardEvent> {

    public static final String SCORECARDS = "evaluations.scorecard.v1";

    private final OutboundEvents events;

    public ScorecardTopics(OutboundEvents events) {
        this.events = events;
    }

    public record MeetingData(UUID meetingId, String kind, String title, Instant startsAt, int month) {}

    public record AbsenceCountedData(
            UUID memberId,
            int year,
            UUID cellId,
            String orgPath,
            MeetingData meeting,
            List<Integer> unexcusedAbsenceMonths,
            int warningMonths,
            int reviewMonths,
            String removalReview,
            long version) {}

    @Override
    public OutboxEvent toOutbox(ScorecardEvent event) {
        return switch (event) {
            case ScorecardEvent.UnexcusedAbsenceCounted a -> absenceCounted(a);
        };
    }

    private OutboxEvent absenceCounted(ScorecardEvent.UnexcusedAbsenceCounted a) {
        var m = a.meeting();
        return events.create(
                SCORECARDS,
                EventContracts.ABSENCE_COUNTED,
                a.memberId().toString(),
                a.orgPath(),
                new AbsenceCountedData(
                        a.memberId().value(),
                        a.year(),
                        a.cellId().value(),
                        a.orgPath().value(),
                        new MeetingData(m.meetingId().value(), m.kind().name(), m.title(), m.startsAt(), m.month()),
                        a.unexcusedAbsenceMonths(),
                        a.policy().warningMonths(),
                        a.policy().reviewMonths(),
                        a.removalReview().map(Enum::name).orElse("NONE"),
                        a.version()));
    }
}
