package vn.partycell.member.application;

import java.time.Clock;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/** Use cases of the org tree: create a node, read one, list those in the caller's scope. */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final Clock clock;

    public OrgUnitService(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** A root needs admin on the whole tree; a child needs superior on its parent. */
    public OrgUnit create(Caller caller, String code, String name, OrgUnitKind kind, OrgUnitId parentId) {
        Change<OrgUnit, OrgUnitEvent> created;
        if (parentId == null) {
            // A root is no record anyone could be out of scope of: without admin on the whole tree it is 403.
            if (!caller.canAct(OrgPath.ROOT, Role.ADMIN)) {
                throw new ForbiddenException("Chỉ quản trị viên toàn hệ thống mới tạo được tổ chức gốc");
            }
            created = OrgUnit.root(OrgUnitId.random(), code, name, kind, clock.instant());
        } else {
            OrgUnit parent =
                    units.find(parentId).orElseThrow(() -> new NotFoundException("tổ chức cấp trên", parentId));
            caller.requireRole(parent.orgPath(), Role.SUPERIOR);
            created = parent.child(OrgUnitId.random(), code, name, kind, clock.instant());
        }
        units.insert(created);
        return created.state();
    }

    public OrgUnit get(Caller caller, OrgUnitId id) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRead(unit.orgPath(), "tổ chức", id);
        return unit;
    }

    public ResultPage<OrgUnit> search(
            Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page) {
        return units.search(caller, parentId, code, kind, page);
    }
}
