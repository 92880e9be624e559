package vn.partycell.member.adapter.out.mongo;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.DuesLedgerRepository;
import vn.partycell.member.domain.DuesEvent;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/** Dues ledgers in MongoDB; each change and its event are one document write. */
@Repository
public class MongoDuesLedgerRepository implements DuesLedgerRepository {

    static final String COLLECTION = "dues_ledgers";

    private final MongoTemplate mongo;
    private final AuditedWriter<DuesEvent> writer;

    public MongoDuesLedgerRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<DuesEvent> events, AuditRelay audit) {
        this.mongo = mongo;
        this.writer = new AuditedWriter<>(mongo, outbox, COLLECTION, "dues-ledger", events, audit);
    }

    @Override
    public Optional<DuesLedger> find(DuesLedgerId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), DuesLedgerDocument.class))
                .map(DuesLedgerDocument::toDomain);
    }

    @Override
    public Map<DuesLedgerId, DuesLedger> findAll(Collection<DuesLedgerId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id")
                .in(ids.stream().map(DuesLedgerId::toString).distinct().toList()));
        return mongo.find(query, DuesLedgerDocument.class).stream()
                .map(DuesLedgerDocument::toDomain)
                .collect(Collectors.toMap(DuesLedger::id, Function.identity()));
    }

    @Override
    public void save(Change<DuesLedger, DuesEvent> change, long expectedVersion) {
        DuesLedgerDocument document = DuesLedgerDocument.from(change.state());
        if (expectedVersion == 0) {
            try {
                writer.insert(document, change);
            } catch (DuplicateKeyException e) {
                // Another request created this member's ledger for the year first.
                throw new ConflictException(
                        "stale-version", "Sổ đảng phí vừa được người khác ghi; hãy tải lại rồi thử lần nữa");
            }
        } else {
            writer.update(document, change, expectedVersion);
        }
    }
}
