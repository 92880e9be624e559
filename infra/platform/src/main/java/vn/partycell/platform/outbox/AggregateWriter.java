package vn.partycell.platform.outbox;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.dao.OptimisticLockingFailureException;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;

/**
 * What every persistence adapter of an aggregate does with a {@link Change}: the document of its new
 * state and the outbox events its domain events map to, in one write. A stale expected version is the
 * kernel's 409 {@code stale-version}, so ports promise nothing of Spring's exceptions.
 *
 * @param <E> the aggregate's domain event type
 */
public final class AggregateWriter<E> {

    private final OutboxStore outbox;
    private final String collection;
    private final OutboxEventMapper<E> mapper;

    public AggregateWriter(OutboxStore outbox, String collection, OutboxEventMapper<E> mapper) {
        this.outbox = outbox;
        this.collection = collection;
        this.mapper = mapper;
    }

    /** Inserts a new aggregate; a duplicate unique key surfaces as Spring's DuplicateKeyException. */
    public void insert(Object document, Change<?, ? extends E> change) {
        outbox.insert(collection, document, outboxEvents(change));
    }

    /** Replaces the aggregate if it is still at {@code expectedVersion}, else 409 stale-version. */
    public void update(Object document, Change<?, ? extends E> change, long expectedVersion) {
        try {
            outbox.update(collection, document, expectedVersion, outboxEvents(change));
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException(
                    "stale-version", "Bản ghi đã được người khác thay đổi; hãy tải lại rồi thử lần nữa");
        }
    }

    /**
     * Many changes of one collection in one bulk, each guarded by its own expected version (the
     * state's version minus one); a change whose aggregate moved on is skipped. Returns how many
     * were written.
     */
    public <S> int updateEach(
            List<? extends Change<S, ? extends E>> changes,
            Function<S, Object> document,
            ToLongFunction<S> expectedVersion) {
        return outbox.updateEach(
                collection,
                changes.stream()
                        .map(c -> new OutboxStore.VersionedWrite(
                                document.apply(c.state()), expectedVersion.applyAsLong(c.state()), outboxEvents(c)))
                        .toList());
    }

    private List<OutboxEvent> outboxEvents(Change<?, ? extends E> change) {
        return change.events().stream().<OutboxEvent>map(mapper::toOutbox).toList();
    }
}
