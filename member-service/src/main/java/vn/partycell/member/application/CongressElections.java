package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.RoleRecord;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * Kết quả bầu cử tại đại hội chi bộ: the roles of a cell follow the elections meeting-service counts
 * (meetings.congress.elected). For the elected role, whoever holds it and was not elected ends it on
 * the day of the congress, and whoever was elected and does not hold it is assigned it from that day:
 * the same {@link OrgUnit#endRole}/{@link OrgUnit#assignRole} commands as {@link OrgUnitService}
 * (without a person's grant: the congress decided), all in one write with their role events. A
 * redelivery finds nothing to change; an older election arriving after a newer assignment of the
 * role (a replay) changes nothing either.
 */
@Service
public class CongressElections {

    /** Who records the roles: the congress's count, not a person. */
    static final String RECORDED_BY = "system:congress-election";

    private final OrgUnitRepository units;
    private final MembersInTree members;
    private final CompositionService composition;
    private final Clock clock;

    public CongressElections(
            OrgUnitRepository units, MembersInTree members, CompositionService composition, Clock clock) {
        this.units = units;
        this.members = members;
        this.composition = composition;
        this.clock = clock;
    }

    /** One counted election: on which cell, which role, who is elected, from which day. */
    public record Elected(UUID electionId, OrgUnitId cellId, ElectedRole role, List<MemberId> elected, LocalDate from) {

        public Elected {
            elected = List.copyOf(elected);
        }
    }

    /** Whether the election changed the cell's roles (false: already applied, or superseded). */
    public boolean onElected(Elected election) {
        OrgUnit unit =
                units.find(election.cellId()).orElseThrow(() -> new NotFoundException("tổ chức", election.cellId()));
        List<RoleRecord.Assigned> holders = unit.currentRoles().stream()
                .filter(a -> a.role() == election.role())
                .toList();
        if (holders.stream().anyMatch(a -> a.from().isAfter(election.from()))) {
            return false; // the role was assigned after this congress: a later decision stands
        }
        List<OrgUnitEvent> events = new ArrayList<>();
        OrgUnit next = unit;
        String reason = "Đại hội chi bộ ngày " + election.from() + " bầu " + election.role();
        for (RoleRecord.Assigned holder : holders) {
            if (!election.elected().contains(holder.memberId())) {
                Change<OrgUnit, OrgUnitEvent> ended =
                        next.endRole(holder.assignmentId(), election.from(), reason, RECORDED_BY, clock.instant());
                next = ended.state();
                events.addAll(ended.events());
            }
        }
        for (MemberId memberId : election.elected()) {
            boolean holds = holders.stream().anyMatch(a -> a.memberId().equals(memberId));
            if (!holds) {
                Member member = members.find(memberId)
                        .orElseThrow(() -> new RuleViolationException(
                                "member-not-found",
                                "Không tìm thấy đảng viên trúng cử " + memberId,
                                Map.of("field", "elected")));
                Change<OrgUnit, OrgUnitEvent> assigned = next.assignRole(
                        UUID.nameUUIDFromBytes((election.electionId() + ":" + memberId).getBytes()),
                        member,
                        election.role(),
                        election.from(),
                        RECORDED_BY,
                        clock.instant());
                next = assigned.state();
                events.addAll(assigned.events());
            }
        }
        if (events.isEmpty()) {
            return false;
        }
        units.update(new Change<>(next, events), unit.version());
        composition.refresh(unit.id());
        return true;
    }
}
