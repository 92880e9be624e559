package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * The composition rules of cells (cơ cấu chi bộ): checked per cell from a by-cell count of full
 * members and the cell's current roles. Each write that changes a cell's members or roles refreshes
 * the cell's stored figure, so a superior's list over a subtree reads stored warnings instead of
 * counting the province on every request.
 */
@Service
@EnableConfigurationProperties(CompositionPolicy.class)
public class CompositionService {

    private final OrgUnitRepository units;
    private final MembersInTree members;
    private final CompositionPolicy policy;
    private final Clock clock;

    public CompositionService(OrgUnitRepository units, MembersInTree members, CompositionPolicy policy, Clock clock) {
        this.units = units;
        this.members = members;
        this.policy = policy;
        this.clock = clock;
    }

    /** The live figure of one node: warnings only for a live cell. */
    public CellComposition of(OrgUnit unit) {
        if (!unit.isCell() || unit.isDissolved()) {
            return new CellComposition(unit, 0, List.of());
        }
        long full = members.countFullIn(unit.id());
        List<CompositionWarning> warnings = policy.rule(today().getYear()).check(full, unit.heldRoles());
        return new CellComposition(unit, full, warnings);
    }

    /** Recomputes and stores a cell's figure after a write that may have changed it; other kinds are ignored. */
    public void refresh(OrgUnitId unitId) {
        units.find(unitId).filter(OrgUnit::isCell).ifPresent(unit -> {
            CellComposition figure = of(unit);
            units.storeComposition(unit.id(), figure.fullMembers(), figure.warnings());
        });
    }

    /** Cells with warnings in the node's subtree, for a superior (SUPERIOR on the node). */
    public ResultPage<CellComposition> warnings(Caller caller, OrgUnitId id, PageQuery page) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRole(unit.orgPath(), Role.SUPERIOR);
        OrgPath prefix = unit.orgPath();
        return units.withCompositionWarnings(prefix, page);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
