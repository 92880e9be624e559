package vn.partycell.meeting.adapter.in.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partycell.contracts.EventContracts;
import vn.partycell.meeting.application.Occurrence;
import vn.partycell.meeting.application.OrgMoveProjection;
import vn.partycell.meeting.application.RosterProjection;
import vn.partycell.meeting.application.RosterUpdate;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.MemberStatus;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.platform.events.InboundEvent;
import vn.partycell.platform.events.Outcome;
import vn.partycell.platform.events.PoisonEventException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Reads member-service's events (contracts members.member.*.v1, members.org-unit.*.v1) into typed
 * calls on the {@link RosterProjection}: picks the types it uses, reads only the fields it uses
 * (tolerant reader), and sends what can never be applied to the dead-letter topic as poison.
 */
@Component
public class MemberEventReader {

    /** The part of members.org-unit.* data this service uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrgUnitData(
            UUID orgUnitId,
            String code,
            String name,
            String kind,
            UUID parentId,
            String orgPath,
            String previousOrgPath,
            Long version) {}

    /** The part of members.member.* data this service uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberData(
            UUID memberId,
            String fullName,
            UUID cellId,
            UUID partyGroupId,
            String orgPath,
            String status,
            Boolean exempted,
            Long version,
            UUID meetingCellId,
            Boolean inTransit) {}

    private final RosterProjection projection;
    private final OrgMoveProjection moves;

    public MemberEventReader(RosterProjection projection, OrgMoveProjection moves) {
        this.projection = projection;
        this.moves = moves;
    }

    /** The org-unit events that carry the node's snapshot; a move also rewrites the paths below it. */
    private static final java.util.Set<String> ORG_UNIT_SNAPSHOTS = java.util.Set.of(
            EventContracts.ORG_UNIT_CREATED,
            EventContracts.ORG_UNIT_RENAMED,
            EventContracts.ORG_UNIT_DISSOLVED,
            EventContracts.ORG_UNIT_MOVED);

    public Outcome onOrgUnitEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!ORG_UNIT_SNAPSHOTS.contains(type)) {
            return Outcome.IGNORED;
        }
        OrgUnitData d = event.data(OrgUnitData.class);
        if (d.orgUnitId() == null || d.kind() == null || d.version() == null || d.version() < 1) {
            throw poison(event, "lacks orgUnitId, kind or version");
        }
        Optional<OrgUnitKind> kind = known(OrgUnitKind.values(), d.kind());
        if (kind.isEmpty()) {
            // A kind added after this reader was written cannot be a cell or a party group.
            return Outcome.NO_EFFECT;
        }
        Cell unit = new Cell(
                new CellId(d.orgUnitId()),
                d.code(),
                d.name(),
                kind.get(),
                d.parentId() == null ? null : new OrgUnitId(d.parentId()),
                path(event, d.orgPath()),
                d.version());
        if (type.equals(EventContracts.ORG_UNIT_MOVED)) {
            if (d.previousOrgPath() == null) {
                throw poison(event, "is a move without previousOrgPath");
            }
            return outcome(moves.onOrgUnitMoved(unit, path(event, d.previousOrgPath()), occurrence(event)));
        }
        return outcome(projection.onOrgUnitChanged(unit, occurrence(event)));
    }

    public Outcome onMemberEvent(InboundEvent event) {
        String type = event.envelope().type();
        if (!type.equals(EventContracts.MEMBER_REGISTERED) && !type.equals(EventContracts.MEMBER_UPDATED)) {
            return Outcome.IGNORED;
        }
        MemberData d = event.data(MemberData.class);
        if (d.memberId() == null
                || d.cellId() == null
                || d.exempted() == null
                || d.version() == null
                || d.version() < 1) {
            throw poison(event, "lacks memberId, cellId, exempted or version");
        }
        // Who counts for quorum follows from the status: one this reader does not know cannot be guessed.
        MemberStatus status = known(MemberStatus.values(), d.status())
                .orElseThrow(() -> poison(event, "has an unknown member status " + d.status()));
        RosterMember member = new RosterMember(
                new MemberId(d.memberId()),
                meetingCell(d),
                d.partyGroupId() == null ? null : new OrgUnitId(d.partyGroupId()),
                path(event, d.orgPath()),
                d.fullName(),
                status,
                d.exempted(),
                d.version());
        return outcome(projection.onMemberChanged(member, occurrence(event)));
    }

    /**
     * The roster the member counts in: none while in transit, the host cell while attached
     * elsewhere ({@code meetingCellId}), else the cell itself (also for events written before
     * those optional fields existed).
     */
    private static CellId meetingCell(MemberData d) {
        if (Boolean.TRUE.equals(d.inTransit())) {
            return null;
        }
        return new CellId(d.meetingCellId() != null ? d.meetingCellId() : d.cellId());
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

    private static <E extends Enum<E>> Optional<E> known(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst();
    }

    private static OrgPath path(InboundEvent event, String value) {
        try {
            return OrgPath.of(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.envelope().id() + " has an invalid orgPath " + value, e);
        }
    }

    private static PoisonEventException poison(InboundEvent event, String why) {
        return new PoisonEventException("Event " + event.envelope().id() + " " + why);
    }
}
