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
import vn.partycell.member.domain.RoleRecord;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxEvent;
import vn.partycell.platform.outbox.OutboxEventMapper;

/**
 * How member-service's domain events look on the wire, and the two {@link OutboxEventMapper} beans
 * the Mongo adapters store them with. Each event carries the full current snapshot with its version,
 * so consumers apply "newer version wins" and a replay rebuilds the same state. Every org-unit event
 * carries the node's founding date ({@code establishedOn}), so a consumer that first heard of a node
 * before the field existed learns it with the node's next event.
 */
@Configuration(proxyBeanMethods = false)
public class MemberTopics {

    public static final String ORG_UNITS = "members.org-unit.v1";
    public static final String MEMBERS = "members.member.v1";

    /** members.org-unit.created, data. */
    public record OrgUnitData(
            UUID orgUnitId,
            String code,
            String name,
            String kind,
            UUID parentId,
            String orgPath,
            long version,
            LocalDate establishedOn) {}

    /** members.org-unit.moved, data: the node after the move and the path every record below had before. */
    public record OrgUnitMovedData(
            UUID orgUnitId,
            String code,
            String name,
            String kind,
            UUID parentId,
            String orgPath,
            String previousOrgPath,
            long version,
            LocalDate establishedOn) {}

    /** members.org-unit.dissolved, data. */
    public record OrgUnitDissolvedData(
            UUID orgUnitId,
            String code,
            String name,
            String kind,
            UUID parentId,
            String orgPath,
            LocalDate dissolvedOn,
            long version,
            LocalDate establishedOn) {}

    /** members.org-unit.term-opened, data. */
    public record TermOpenedData(
            UUID orgUnitId,
            String kind,
            String orgPath,
            UUID termId,
            String name,
            LocalDate start,
            LocalDate end,
            long version,
            LocalDate establishedOn) {}

    /** members.org-unit.role-assigned / role-ended, data ({@code until}/{@code reason} only when ended). */
    public record RoleData(
            UUID orgUnitId,
            String kind,
            String orgPath,
            UUID assignmentId,
            UUID memberId,
            String role,
            LocalDate from,
            LocalDate until,
            String reason,
            UUID termId,
            long version,
            LocalDate establishedOn) {}

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
        UUID id = u.id().value();
        UUID parent = u.parentId() == null ? null : u.parentId().value();
        String path = u.orgPath().value();
        String type;
        Object data;
        switch (event) {
            case OrgUnitEvent.Created c -> {
                type = EventContracts.ORG_UNIT_CREATED;
                data = new OrgUnitData(
                        id, u.code(), u.name(), u.kind().name(), parent, path, u.version(), u.establishedOn());
            }
            case OrgUnitEvent.Renamed r -> {
                type = EventContracts.ORG_UNIT_RENAMED;
                data = new OrgUnitData(
                        id, u.code(), u.name(), u.kind().name(), parent, path, u.version(), u.establishedOn());
            }
            case OrgUnitEvent.Moved m -> {
                type = EventContracts.ORG_UNIT_MOVED;
                data = new OrgUnitMovedData(
                        id,
                        u.code(),
                        u.name(),
                        u.kind().name(),
                        parent,
                        path,
                        m.previousOrgPath().value(),
                        u.version(),
                        u.establishedOn());
            }
            case OrgUnitEvent.Dissolved d -> {
                type = EventContracts.ORG_UNIT_DISSOLVED;
                data = new OrgUnitDissolvedData(
                        id,
                        u.code(),
                        u.name(),
                        u.kind().name(),
                        parent,
                        path,
                        u.dissolvedOn(),
                        u.version(),
                        u.establishedOn());
            }
            case OrgUnitEvent.TermOpened t -> {
                type = EventContracts.ORG_UNIT_TERM_OPENED;
                data = new TermOpenedData(
                        id,
                        u.kind().name(),
                        path,
                        t.term().id(),
                        t.term().name(),
                        t.term().start(),
                        t.term().end(),
                        u.version(),
                        u.establishedOn());
            }
            case OrgUnitEvent.RoleAssigned r -> {
                type = EventContracts.ORG_UNIT_ROLE_ASSIGNED;
                RoleRecord.Assigned a = r.assignment();
                data = new RoleData(
                        id,
                        u.kind().name(),
                        path,
                        a.assignmentId(),
                        a.memberId().value(),
                        a.role().name(),
                        a.from(),
                        null,
                        null,
                        a.termId(),
                        u.version(),
                        u.establishedOn());
            }
            case OrgUnitEvent.RoleEnded r -> {
                type = EventContracts.ORG_UNIT_ROLE_ENDED;
                RoleRecord.Assigned a = r.assignment();
                data = new RoleData(
                        id,
                        u.kind().name(),
                        path,
                        a.assignmentId(),
                        a.memberId().value(),
                        a.role().name(),
                        a.from(),
                        r.ending().on(),
                        r.ending().reason(),
                        a.termId(),
                        u.version(),
                        u.establishedOn());
            }
        }
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
