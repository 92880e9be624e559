package vn.partycell.member.application;

import java.time.Duration;

/** Port: one instance of the service at a time runs a given job (a lease that expires if its holder dies). */
public interface JobLease {

    /** Takes or renews the lease on {@code job} for {@code duration}; false while another instance holds it. */
    boolean hold(String job, Duration duration);
}
