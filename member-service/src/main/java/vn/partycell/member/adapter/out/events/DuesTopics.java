package vn.partycell.member.adapter.out.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partycell.contracts.EventContracts;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesPayment;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * How dues ledgers look on the wire ({@code members.dues.v1}, key = member id) and the {@link
 * OutboxEventMapper} their Mongo adapter stores them with. Each event carries the member's whole
 * year (months paid so far) with the ledger's version, so a consumer keeps the newest per member and
 * year and a replay rebuilds the same picture.
 */
@Configuration(proxyBeanMethods = false)
public class DuesTopics {

    public static final String DUES = "members.dues.v1";

    /** members.dues.recorded, data. */
    public record DuesRecordedData(
            UUID memberId,
            UUID cellId,
            String orgPath,
            int year,
            List<Integer> monthsPaid,
            List<PaymentData> payments,
            long totalAmount,
            long version) {}

    /** One month in force: amount in VND and the day it was paid. */
    public record PaymentData(int month, long amount, LocalDate paidOn) {}

    @Bean
    OutboxEventMapper<DuesEvent> duesEvents(OutboundEvents events) {
        return event -> toOutbox(events, event);
    }

    static OutboxEvent toOutbox(OutboundEvents events, DuesEvent event) {
        DuesLedger l = event.ledger();
        String type = switch (event) {
            case DuesEvent.Recorded r -> EventContracts.DUES_RECORDED;
        };
        List<PaymentData> payments = l.payments().stream()
                .map(p -> new PaymentData(p.month(), p.amount(), p.paidOn()))
                .toList();
        DuesRecordedData data = new DuesRecordedData(
                l.memberId().value(),
                l.cellId().value(),
                l.orgPath().value(),
                l.year(),
                l.monthsPaid(),
                payments,
                l.payments().stream().mapToLong(DuesPayment::amount).sum(),
                l.version());
        return events.create(DUES, type, l.memberId().toString(), l.orgPath(), data);
    }
}
