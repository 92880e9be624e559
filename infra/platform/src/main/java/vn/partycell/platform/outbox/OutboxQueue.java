package vn.partycell.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The aggregates the relay is to read next, per collection, first come first served, each once:
 * those this process just wrote events to ({@link OutboxSignal}) and those a scan of the pending
 * markers found (another instance's writes, a crash's leftovers). The relay reads them by {@code
 * _id}, the one query every store answers from an index. Bounded: an id that finds the queue full is
 * dropped and {@link #overflowed} says so, and the next scan finds it by its marker.
 */
final class OutboxQueue {

    private final int capacity;
    private final Map<String, LinkedHashSet<Object>> queued = new HashMap<>();
    private final Map<String, Boolean> overflowed = new HashMap<>();

    OutboxQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Queues what fits; returns false when some ids did not. */
    synchronized boolean offer(String collection, Collection<?> ids) {
        LinkedHashSet<Object> waiting = queued.computeIfAbsent(collection, c -> new LinkedHashSet<>());
        for (Object id : ids) {
            if (waiting.size() >= capacity && !waiting.contains(id)) {
                overflowed.put(collection, true);
                return false;
            }
            waiting.add(id);
        }
        return true;
    }

    /** Removes and returns up to {@code max} ids, oldest first. */
    synchronized List<Object> take(String collection, int max) {
        LinkedHashSet<Object> ids = queued.get(collection);
        List<Object> taken = new ArrayList<>(Math.min(max, ids == null ? 0 : ids.size()));
        if (ids == null) {
            return taken;
        }
        Iterator<Object> it = ids.iterator();
        while (it.hasNext() && taken.size() < max) {
            taken.add(it.next());
            it.remove();
        }
        return taken;
    }

    synchronized boolean isEmpty(String collection) {
        LinkedHashSet<Object> ids = queued.get(collection);
        return ids == null || ids.isEmpty();
    }

    /** Whether an id was dropped since the last call: a scan must find it. Clears the flag. */
    synchronized boolean overflowed(String collection) {
        return Boolean.TRUE.equals(overflowed.remove(collection));
    }
}
