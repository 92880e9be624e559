package vn.partycell.notification.application;

import java.util.Optional;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.SecretaryHolding;

/** Port: the secretary of each org node, from member-service's role events; newer versions win. */
public interface SecretaryRepository {

    boolean saveIfNewer(SecretaryHolding holding, String eventId);

    /** The current secretary of the node, if one is known. */
    Optional<MemberId> secretaryOf(OrgUnitId unitId);
}
