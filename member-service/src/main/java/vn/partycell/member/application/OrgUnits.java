package vn.partycell.member.application;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.security.Caller;

/** Port: where org units are kept, each stored together with the events its change caused. */
public interface OrgUnits {

    Optional<OrgUnit> find(UUID id);

    void insert(OrgUnit unit, OrgUnitEvent event);

    Page<OrgUnit> search(Caller caller, UUID parentId, String code, OrgUnitKind kind, Pageable pageable);
}
