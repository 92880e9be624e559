package vn.partycell.member.application;

import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/** Use cases of the org tree: create a node, read one, list those in the caller's scope. */
@Service
public class OrgUnitService {

    private final OrgUnits units;
    private final Clock clock;

    public OrgUnitService(OrgUnits units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    public OrgUnit create(Caller caller, String code, String name, OrgUnitKind kind, UUID parentId) {
        OrgUnit unit;
        if (parentId == null) {
            caller.requireRole(OrgPath.ROOT, Role.ADMIN);
            unit = OrgUnit.root(UUID.randomUUID(), code, name, kind, clock.instant());
        } else {
            OrgUnit parent =
                    units.find(parentId).orElseThrow(() -> new NotFoundException("tổ chức cấp trên", parentId));
            caller.requireRole(parent.orgPath(), Role.SUPERIOR);
            unit = parent.child(UUID.randomUUID(), code, name, kind, clock.instant());
        }
        units.insert(unit, new OrgUnitEvent.Created(unit));
        return unit;
    }

    public OrgUnit get(Caller caller, UUID id) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRead(unit.orgPath(), "tổ chức", id);
        return unit;
    }

    public Page<OrgUnit> search(Caller caller, UUID parentId, String code, OrgUnitKind kind, Pageable pageable) {
        return units.search(caller, parentId, code, kind, pageable);
    }
}
