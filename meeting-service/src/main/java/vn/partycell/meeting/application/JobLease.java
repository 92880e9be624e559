package vn.partycell.meeting.application;

import java.time.Duration;

/** Port: a lease that lets one replica at a time run a scheduled job. */
public interface JobLease {

    /** Takes the job's lease for at most {@code duration} if nobody holds it; false if another holder does. */
    boolean tryHold(String job, Duration duration);

    /** Gives the lease back early, if it is still ours. */
    void release(String job);
}
