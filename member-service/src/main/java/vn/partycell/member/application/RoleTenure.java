package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberState;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/**
 * Nhiệm kỳ chức danh: a member's elected roles end when they leave the node where they hold them
 * ({@code infra/docs/rules.md} 1.9). Called after every member write; each node that changes is one
 * write with its {@code members.org-unit.role-ended} events. The member's write comes first (no
 * transactions): if the process stops in between, the roles stay until {@link #endRolesOf} runs
 * again for that member (it finds the same roles and ends them; nothing is ended twice).
 */
@Service
public class RoleTenure {

    private static final Logger log = LoggerFactory.getLogger(RoleTenure.class);

    /** Who ends the roles in the records: the rule, not a person. */
    static final String RECORDED_BY = "system:role-tenure";

    private final OrgUnitRepository units;
    private final CompositionService composition;
    private final Clock clock;

    public RoleTenure(OrgUnitRepository units, CompositionService composition, Clock clock) {
        this.units = units;
        this.composition = composition;
        this.clock = clock;
    }

    /**
     * After a member write: if the member has just left (gone for good, or recorded in another cell
     * after an accepted official transfer), ends, on the day they left, every role they hold in a
     * node where they are no longer active. Other writes do nothing (no lookup), so the search by
     * {@code roles.memberId} happens only on the rare leaving writes.
     */
    public void afterChange(Member before, Member after) {
        if (before == null) {
            return; // a new registration holds no role yet
        }
        boolean left =
                (before.isActive() && !after.isActive()) || !before.cellId().equals(after.cellId());
        if (left) {
            endRolesOf(after);
        }
    }

    /** Ends, on the day the member left, every role they hold in a node where they are no longer active. */
    public void endRolesOf(Member member) {
        LocalDate leftOn = member.history().getLast().effectiveOn();
        String reason = reason(member);
        for (OrgUnit unit : units.withRolesOf(member.id())) {
            endIn(unit, member, leftOn, reason, 0);
        }
    }

    private void endIn(OrgUnit unit, Member member, LocalDate on, String reason, int attempt) {
        Optional<Change<OrgUnit, OrgUnitEvent>> ended =
                unit.endRolesOfDeparted(member, on, reason, RECORDED_BY, clock.instant());
        if (ended.isEmpty()) {
            return;
        }
        try {
            units.update(ended.get(), unit.version());
        } catch (ConflictException e) {
            // Someone changed the node meanwhile: read it again and decide again, a few times.
            if (attempt >= 3) {
                log.warn("roles of member {} on {} not ended after {} attempts", member.id(), unit.id(), attempt + 1);
                throw e;
            }
            units.find(unit.id()).ifPresent(fresh -> endIn(fresh, member, on, reason, attempt + 1));
            return;
        }
        composition.refresh(unit.id());
    }

    private static String reason(Member member) {
        return switch (member.state()) {
            case MemberState.Gone g ->
                switch (g.status()) {
                    case REMOVED -> "Thôi giữ chức danh do đảng viên bị xóa tên";
                    case EXPELLED -> "Thôi giữ chức danh do đảng viên bị khai trừ";
                    case DECEASED -> "Thôi giữ chức danh do đảng viên từ trần";
                    default -> "Thôi giữ chức danh do đảng viên không còn sinh hoạt";
                };
            default -> "Thôi giữ chức danh do đảng viên chuyển sinh hoạt đảng khỏi tổ chức";
        };
    }
}
