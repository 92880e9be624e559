package vn.partycell.member.adapter.out.events;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partycell.contracts.EventContracts;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * How member-service's domain events look on the wire, and the two {@link OutboxEventMapper} beans
 * the Mongo adapters store them with. Each event carries the full current snapshot with its version,
 * so consumers apply "newer version wins" and a replay rebuilds the same state.
 */
@Configuration(proxyBeanMethods = false)
public class MemberTopics {

    public static final String ORG_UNITS = "members.org-unit.v1";
    public static final String MEMBERS = "members.member.v1";

    /** members.org-unit.created, data. */
    public record OrgUnitData(
            UUID orgUnitId, String code, String name, String kind, UUID parentId, String orgPath, long version) {}

    /** members.member.registered / updated, data. Personal data beyond name and e-mail stays here. */
    public record MemberData(
            UUID memberId,
            String fullName,
            String gender,
            LocalDate dateOfBirth,
            UUID cellId,
            UUID partyGroupId,
            String orgPath,
            String status,
            boolean exempted,
            LocalDate joinedOn,
            String email,
            long version,
            UUID meetingCellId,
            boolean inTransit) {}

    /** members.member.discipline-decided, data: one decision, or its voiding by a correction. */
    public record DisciplineData(
            UUID memberId,
            UUID decisionId,
            String kind,
            LocalDate decidedOn,
            String issuingBody,
            int year,
            boolean annulled,
            UUID cellId,
            String orgPath,
            long version) {}

    @Bean
    OutboxEventMapper<OrgUnitEvent> orgUnitEvents(OutboundEvents events) {
        return event -> toOutbox(events, event);
    }

    @Bean
    OutboxEventMapper<MemberEvent> memberEvents(OutboundEvents events) {
        return event -> toOutbox(events, event);
    }

    static OutboxEvent toOutbox(OutboundEvents events, OrgUnitEvent event) {
        OrgUnit u = event.orgUnit();
        String type = switch (event) {
            case OrgUnitEvent.Created c -> EventContracts.ORG_UNIT_CREATED;
        };
        OrgUnitData data = new OrgUnitData(
                u.id().value(),
                u.code(),
                u.name(),
                u.kind().name(),
                u.parentId() == null ? null : u.parentId().value(),
                u.orgPath().value(),
                u.version());
        return events.create(ORG_UNITS, type, u.id().toString(), u.orgPath(), data);
    }

    static OutboxEvent toOutbox(OutboundEvents events, MemberEvent event) {
        Member m = event.member();
        if (event instanceof MemberEvent.DisciplineDecided d) {
            DisciplineData data = new DisciplineData(
                    m.id().value(),
                    d.decision().decisionId(),
                    d.decision().kind().name(),
                    d.decision().decidedOn(),
                    d.decision().issuingBody(),
                    d.decision().countsForYear(),
                    d.annulled(),
                    m.cellId().value(),
                    m.orgPath().value(),
                    m.version());
            return events.create(
                    MEMBERS, EventContracts.MEMBER_DISCIPLINE_DECIDED, m.id().toString(), m.orgPath(), data);
        }
        String type = switch (event) {
            case MemberEvent.Registered r -> EventContracts.MEMBER_REGISTERED;
            case MemberEvent.Updated u -> EventContracts.MEMBER_UPDATED;
            case MemberEvent.DisciplineDecided d -> throw new IllegalStateException("mapped above");
        };
        MemberData data = new MemberData(
                m.id().value(),
                m.person().fullName(),
                m.person().gender().name(),
                m.person().dateOfBirth(),
                m.cellId().value(),
                m.partyGroupId() == null ? null : m.partyGroupId().value(),
                m.orgPath().value(),
                m.status().name(),
                m.exempted(),
                m.joinedOn(),
                m.person().email(),
                m.version(),
                m.meetingCellId().map(c -> c.value()).orElse(null),
                m.pendingTransfer().isPresent());
        return events.create(MEMBERS, type, m.id().toString(), m.orgPath(), data);
    }
}
