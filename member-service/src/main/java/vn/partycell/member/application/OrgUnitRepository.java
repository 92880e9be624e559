package vn.partycell.member.application;

import java.util.Optional;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;

/** Port: where org units are kept, each stored together with the events its change caused (one write). */
public interface OrgUnitRepository {

    Optional<OrgUnit> find(OrgUnitId id);

    /** Stores a new node and its events; a code already used under the same parent is a 409. */
    void insert(Change<OrgUnit, OrgUnitEvent> created);

    /** The nodes within the caller's granted subtrees, filtered by whichever of the criteria is not null. */
    ResultPage<OrgUnit> search(Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page);
}
