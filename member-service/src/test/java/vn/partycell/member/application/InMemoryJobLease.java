package vn.partycell.member.application;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.partycell.platform.kernel.JobLease;

/**
 * Job leases in memory with one holder per instance, over a map several instances may share (one
 * per replica in a test); no expiry: {@link #takeOver} stands for a lease that expired and was taken.
 */
final class InMemoryJobLease implements JobLease {

    final Map<String, String> holders;
    final String holder = UUID.randomUUID().toString();

    InMemoryJobLease() {
        this(new ConcurrentHashMap<>());
    }

    InMemoryJobLease(Map<String, String> holders) {
        this.holders = holders;
    }

    /** Another replica of the same store. */
    InMemoryJobLease replica() {
        return new InMemoryJobLease(holders);
    }

    @Override
    public boolean tryHold(String job, Duration duration) {
        return holders.computeIfAbsent(job, j -> holder).equals(holder);
    }

    @Override
    public void release(String job) {
        holders.remove(job, holder);
    }

    /** This instance takes the lease whoever held it (the holder was paused past its expiry). */
    void takeOver(String job) {
        holders.put(job, holder);
    }
}
