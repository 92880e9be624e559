package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/**
 * The dues port in memory, keeping what the Mongo adapter promises: state and events stored
 * together, a write refused (409) unless the stored version is the one the caller read; it counts
 * reads and writes so tests can see that a sheet is read in one go.
 */
class InMemoryDuesLedgerRepository implements DuesLedgerRepository {

    private final Map<DuesLedgerId, DuesLedger> ledgers = new LinkedHashMap<>();
    private final List<DuesEvent> events = new ArrayList<>();
    int reads;
    int writes;
    /** When set, the write with this number (1-based) fails, as a store that went away would. */
    int failOnWrite;

    List<DuesEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public Optional<DuesLedger> find(DuesLedgerId id) {
        reads++;
        return Optional.ofNullable(ledgers.get(id));
    }

    @Override
    public Map<DuesLedgerId, DuesLedger> findAll(Collection<DuesLedgerId> ids) {
        reads++;
        Map<DuesLedgerId, DuesLedger> found = new LinkedHashMap<>();
        ids.forEach(id -> Optional.ofNullable(ledgers.get(id)).ifPresent(l -> found.put(id, l)));
        return found;
    }

    @Override
    public void save(Change<DuesLedger, DuesEvent> change, long expectedVersion) {
        if (failOnWrite > 0 && writes + 1 == failOnWrite) {
            failOnWrite = 0;
            throw new IllegalStateException("store unreachable");
        }
        DuesLedger stored = ledgers.get(change.state().id());
        long current = stored == null ? 0 : stored.version();
        if (current != expectedVersion) {
            throw new ConflictException("stale-version", "not at version " + expectedVersion);
        }
        writes++;
        ledgers.put(change.state().id(), change.state());
        events.addAll(change.events());
    }
}
