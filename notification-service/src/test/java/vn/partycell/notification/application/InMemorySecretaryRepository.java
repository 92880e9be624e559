package vn.partycell.notification.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.OrgUnitId;
import vn.partycell.notification.domain.SecretaryHolding;

/** The secretaries in a map (the test sets them directly), for use-case tests. */
public class InMemorySecretaryRepository implements SecretaryRepository {

    public final Map<OrgUnitId, MemberId> secretaries = new HashMap<>();

    @Override
    public boolean saveIfNewer(SecretaryHolding holding, String eventId) {
        secretaries.put(holding.unitId(), holding.memberId());
        return true;
    }

    @Override
    public Optional<MemberId> secretaryOf(OrgUnitId unitId) {
        return Optional.ofNullable(secretaries.get(unitId));
    }
}
