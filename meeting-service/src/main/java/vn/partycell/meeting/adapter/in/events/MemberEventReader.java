package vn.partycell.meeting.adapter.in.events;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.application.ComplianceProjection;
import vn.partycell.meeting.application.CongressTerms;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.OrgMoveProjection;
import vn.partycell.meeting.application.RosterProjection;
import vn.partycell.meeting.application.RosterUpdate;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.WatchedUnit;
import vn.partycell.platform.events.EventFields;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Reads member-service's events (contracts members.member.*.v1, members.org-unit.*.v1) into typed
 * calls on the {@link RosterProjection} (and a cell's terms on {@link CongressTerms}): picks the types it uses, reads by field name only the
 * fields it uses (tolerant reader, {@link EventFields}), and sends what can never be applied to the
 * dead-letter topic as poison.
 */
@Component
public class MemberEventReader {

    /** The org-unit events that carry the node's snapshot; a move also rewrites the paths below it. */
    private static final Set<String> ORG_UNIT_SNAPSHOTS = Set.of(
            EventContracts.ORG_UNIT_CREATED,
            EventContracts.ORG_UNIT_RENAMED,
            EventContracts.ORG_UNIT_DISSOLVED,
            EventContracts.ORG_UNIT_MOVED);

    private final RosterProjection projection;
    private final OrgMoveProjection moves;
    private final ComplianceProjection compliance;
    private final CongressTerms congressTerms;

    public MemberEventReader(
            RosterProjection projection,
            OrgMoveProjection moves,
            ComplianceProjection compliance,
            CongressTerms congressTerms) {
        this.projection = projection;
        this.moves = moves;
        this.compliance = compliance;
        this.congressTerms = congressTerms;
    }

    public Outcome onOrgUnitEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (type.equals(EventContracts.ORG_UNIT_TERM_OPENED)) {
            return onTermOpened(event.fields());
        }
        if (!ORG_UNIT_SNAPSHOTS.contains(type)) {
            return Outcome.IGNORED;
        }
        EventFields d = event.fields();
        CellId id = new CellId(d.uuid("orgUnitId"));
        long version = d.positiveLong("version");
        Optional<OrgUnitKind> kind = d.knownEnum("kind", OrgUnitKind.class);
        if (kind.isEmpty()) {
            // A kind added after this reader was written cannot be a cell or a party group.
            return Outcome.NO_EFFECT;
        }
        Cell unit = d.valid(() -> new Cell(
                id,
                d.optionalText("code").orElse(null),
                d.optionalText("name").orElse(null),
                kind.get(),
                d.optionalUuid("parentId").map(OrgUnitId::new).orElse(null),
                d.orgPath("orgPath"),
                version));
        // The compliance watch keeps every kind of node (a superior's committee too), with its dissolution.
        RosterUpdate watched = compliance.onOrgUnitChanged(watchedUnit(event, unit), occurrence(event));
        RosterUpdate kept = type.equals(EventContracts.ORG_UNIT_MOVED)
                ? moves.onOrgUnitMoved(unit, d.orgPath("previousOrgPath"), occurrence(event))
                : projection.onOrgUnitChanged(unit, occurrence(event));
        return outcome(kept == RosterUpdate.NOT_KEPT ? watched : kept);
    }

    /** A cell's committee term: the congress is held once in it. Other nodes' terms are not kept here. */
    private Outcome onTermOpened(EventFields d) {
        Optional<OrgUnitKind> kind = d.knownEnum("kind", OrgUnitKind.class);
        if (kind.isEmpty() || kind.get() != OrgUnitKind.CELL) {
            return Outcome.NO_EFFECT;
        }
        CellId cell = new CellId(d.uuid("orgUnitId"));
        CommitteeTerm term =
                d.valid(() -> new CommitteeTerm(d.uuid("termId"), d.text("name"), d.date("start"), d.date("end")));
        return outcome(congressTerms.onTermOpened(cell, term));
    }

    /**
     * The node as the compliance watch keeps it: owing meetings since its founding date
     * ({@code establishedOn}), or, in events published before member-service sent one, since the
     * event's local day (the day it was first heard of).
     */
    private static WatchedUnit watchedUnit(InboundEvent event, Cell unit) {
        EventFields d = event.fields();
        boolean established = d.optionalText("establishedOn").isPresent();
        LocalDate since = established
                ? d.date("establishedOn")
                : VietnamTime.date(event.envelope().time());
        return d.valid(() -> new WatchedUnit(
                new OrgUnitId(unit.id().value()),
                unit.parentId(),
                unit.kind(),
                unit.code(),
                unit.name(),
                unit.orgPath(),
                since,
                event.envelope().type().equals(EventContracts.ORG_UNIT_DISSOLVED) ? d.date("dissolvedOn") : null,
                unit.version(),
                established));
    }

    public Outcome onMemberEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.MEMBER_REGISTERED) && !type.equals(EventContracts.MEMBER_UPDATED)) {
            return Outcome.IGNORED;
        }
        EventFields d = event.fields();
        MemberId memberId = new MemberId(d.uuid("memberId"));
        CellId cell = meetingCell(d);
        boolean exempted = d.bool("exempted");
        long version = d.positiveLong("version");
        // Who counts for quorum follows from the status: one this reader does not know cannot be guessed.
        MemberStatus status = d.enumValue("status", MemberStatus.class);
        RosterMember member = d.valid(() -> new RosterMember(
                memberId,
                cell,
                d.optionalUuid("partyGroupId").map(OrgUnitId::new).orElse(null),
                d.orgPath("orgPath"),
                d.optionalText("fullName").orElse(null),
                status,
                exempted,
                version));
        return outcome(projection.onMemberChanged(member, occurrence(event)));
    }

    /**
     * The roster the member counts in: none while in transit, the host cell while attached
     * elsewhere ({@code meetingCellId}), else the cell itself (also for events written before
     * those optional fields existed).
     */
    private static CellId meetingCell(EventFields d) {
        CellId own = new CellId(d.uuid("cellId"));
        if (d.optionalBool("inTransit").orElse(false)) {
            return null;
        }
        return d.optionalUuid("meetingCellId").map(CellId::new).orElse(own);
    }

    private static Outcome outcome(RosterUpdate update) {
        return switch (update) {
            case APPLIED -> Outcome.APPLIED;
            case ALREADY_CURRENT -> Outcome.DUPLICATE;
            case NOT_KEPT -> Outcome.NO_EFFECT;
        };
    }

    private static Occurrence occurrence(InboundEvent event) {
        return new Occurrence(event.envelope().id());
    }
}
