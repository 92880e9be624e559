package vn.partycell.meeting.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.SelfCriticismRepository;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.SelfCriticismEvent;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Self-criticism rounds in MongoDB; a change and its events are one document write. A cell's
 * history is the {@code _id} range {@code [<cellId>:, <cellId>;)} (':' sorts just before ';'), read
 * through the unique {@code _id} index on any store.
 */
@Repository
public class MongoSelfCriticismRepository implements SelfCriticismRepository {

    static final String COLLECTION = "self_criticism_rounds";

    private final MongoTemplate mongo;
    private final AggregateWriter<SelfCriticismEvent> writer;

    public MongoSelfCriticismRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<SelfCriticismEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<SelfCriticismRound> find(SelfCriticismRoundId id) {
        return Optional.ofNullable(mongo.findById(id.toString(), SelfCriticismRoundDocument.class))
                .map(SelfCriticismRoundDocument::toDomain);
    }

    @Override
    public List<SelfCriticismRound> ofCell(CellId cellId) {
        Query query = Query.query(Criteria.where("_id").gte(cellId + ":").lt(cellId + ";"))
                .with(Sort.by("_id"));
        return mongo.find(query, SelfCriticismRoundDocument.class).stream()
                .map(SelfCriticismRoundDocument::toDomain)
                .toList();
    }

    @Override
    public void save(Change<SelfCriticismRound, SelfCriticismEvent> change, long expectedVersion) {
        SelfCriticismRoundDocument document = SelfCriticismRoundDocument.from(change.state());
        if (expectedVersion > 0) {
            writer.update(document, change, expectedVersion);
            return;
        }
        try {
            writer.insert(document, change);
        } catch (DuplicateKeyException e) {
            // Two first writes of the same cell and month at once: the later one read a stale (empty) round.
            throw new ConflictException(
                    "stale-version", "Đợt tự phê bình đã được người khác ghi; hãy tải lại rồi thử lần nữa");
        }
    }
}
