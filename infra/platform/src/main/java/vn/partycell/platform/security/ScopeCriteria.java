package vn.partycell.platform.security;

import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.partycell.platform.kernel.OrgPath;

/**
 * "Everything under the nodes I am granted" as one Mongo criterion: anchored prefix regexes on the
 * stored org path, which an index on that field serves. Codes are [a-z0-9-], so no escaping needed.
 */
public final class ScopeCriteria {

    private ScopeCriteria() {}

    public static Criteria within(Caller caller, String field) {
        List<OrgPath> prefixes = caller.readablePrefixes();
        if (prefixes.contains(OrgPath.ROOT)) {
            return new Criteria();
        }
        if (prefixes.isEmpty()) {
            // No grant at all: match nothing.
            return Criteria.where(field).in(List.of());
        }
        List<Criteria> any = prefixes.stream()
                .map(p -> Criteria.where(field).regex("^" + p.value()))
                .toList();
        return any.size() == 1 ? any.getFirst() : new Criteria().orOperator(any);
    }
}
