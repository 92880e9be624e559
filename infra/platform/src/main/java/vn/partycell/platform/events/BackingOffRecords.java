package vn.partycell.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records whose consumer is backing off right now: at most one per partition and group, since
 * a failed record holds its partition until it is applied. Fed by the error handler (failed
 * attempts, dead letters) and by {@link InboundEvents} (the record finally applied). An entry that
 * sees no attempt for longer than {@code staleAfter} (its partition went to another instance) no
 * longer counts.
 */
public class BackingOffRecords {

    private record Key(String group, String topic, int partition) {}

    private record Attempts(long offset, int count, Instant last) {}

    private final Map<Key, Attempts> records = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration staleAfter;

    public BackingOffRecords(Clock clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    void failed(String group, String topic, int partition, long offset, int attempt) {
        records.put(new Key(group, topic, partition), new Attempts(offset, attempt, clock.instant()));
    }

    /** The record at this offset (or a later one) was applied: how many attempts had failed before, if any. */
    OptionalInt applied(String group, String topic, int partition, long offset) {
        Key key = new Key(group, topic, partition);
        Attempts attempts = records.get(key);
        if (attempts == null || attempts.offset() > offset || !records.remove(key, attempts)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(attempts.count());
    }

    void deadLettered(String group, String topic, int partition) {
        records.remove(new Key(group, topic, partition));
    }

    /** Records currently backing off (the {@code partycell.events.backing_off} gauge). */
    public int count() {
        Instant fresh = clock.instant().minus(staleAfter);
        return (int)
                records.values().stream().filter(a -> a.last().isAfter(fresh)).count();
    }
}
