package vn.partycell.member.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.platform.kernel.Change;

/** Port: where dues ledgers are kept, each stored together with its events (one write per ledger). */
public interface DuesLedgerRepository {

    Optional<DuesLedger> find(DuesLedgerId id);

    /** The stored ledgers among {@code ids}, in one read by their unique keys; absent ones are missing. */
    Map<DuesLedgerId, DuesLedger> findAll(Collection<DuesLedgerId> ids);

    /**
     * Stores the changed ledger and its events if the stored version is still {@code
     * expectedVersion} (0: not stored yet); otherwise 409 stale-version.
     */
    void save(Change<DuesLedger, DuesEvent> change, long expectedVersion);
}
