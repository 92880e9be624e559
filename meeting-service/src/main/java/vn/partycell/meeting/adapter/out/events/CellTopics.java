package vn.partycell.meeting.adapter.out.events;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.domain.CellEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * The wire shape of the compliance watch's events (contract meetings.cell.meeting-overdue.v1 on
 * {@code meetings.cell.v1}), keyed by the cell so one cell's facts stay in order.
 */
@Component
public class CellTopics implements OutboxEventMapper<CellEvent> {

    public static final String CELLS = "meetings.cell.v1";

    private final OutboundEvents events;

    public CellTopics(OutboundEvents events) {
        this.events = events;
    }

    public record MeetingOverdueData(
            UUID cellId,
            UUID parentId,
            String code,
            String name,
            String orgPath,
            String meetingKind,
            String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            LocalDate detectedOn,
            long version) {}

    @Override
    public OutboxEvent toOutbox(CellEvent event) {
        return switch (event) {
            case CellEvent.MeetingOverdue o ->
                events.create(
                        CELLS,
                        EventContracts.CELL_MEETING_OVERDUE,
                        o.cell().id().toString(),
                        o.cell().orgPath(),
                        new MeetingOverdueData(
                                o.cell().id().value(),
                                o.cell().parentId() == null
                                        ? null
                                        : o.cell().parentId().value(),
                                o.cell().code(),
                                o.cell().name(),
                                o.cell().orgPath().value(),
                                o.kind().name(),
                                o.period().key(),
                                o.period().start(),
                                o.period().lastDay(),
                                o.detectedOn(),
                                // A fact recorded once, never changed.
                                1));
        };
    }
}
