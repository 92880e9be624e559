package vn.partycell.platform.kernel;

import java.time.Duration;

/**
 * Port: one replica at a time runs a given job (a scheduled watch, one import run). A lease expires
 * if its holder dies; its holder renews it by taking it again. One port for every service, since
 * every service needs the same thing and the platform has the one store-backed implementation.
 */
public interface JobLease {

    /**
     * Takes the lease on {@code job} for {@code duration} if nobody holds it or it expired, or renews
     * it if this instance holds it; false while another instance holds it.
     */
    boolean tryHold(String job, Duration duration);

    /** Gives the lease back early, if it is still ours (one that expired and was taken over is not). */
    void release(String job);
}
