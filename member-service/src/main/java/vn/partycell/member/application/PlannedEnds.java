package vn.partycell.member.application;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Planned ends apply themselves ({@code infra/docs/rules.md} 2.14): an exemption (miễn sinh hoạt),
 * attachment (sinh hoạt tạm thời) or accepted temporary transfer with an {@code until} date ends on
 * that date with no one writing it. The history stays the one source of the state: this job appends
 * the end line, dated the planned day and recorded by {@value #RECORDED_BY}, so the derived state,
 * the stored query fields and the {@code members.member.updated} event (a host cell's roster gets
 * the member back through {@code meetingCellId}) all follow in one write, however late the job ran.
 *
 * <p>It runs at start and then every {@code partycell.members.planned-ends.interval} (default one
 * hour), on one instance at a time ({@link JobLease}); a member changed meanwhile by someone else
 * (409) is simply found again on the next run. Members due are found by the indexed {@code
 * plannedEndOn}.
 */
@Service
public class PlannedEnds {

    static final String RECORDED_BY = "system:planned-ends";
    static final String JOB = "planned-ends";
    static final int BATCH = 200;
    static final Duration RUN_LEASE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(PlannedEnds.class);

    private final MemberRepository members;
    private final JobLease lease;
    private final Clock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public PlannedEnds(
            MemberRepository members,
            JobLease lease,
            Clock clock,
            @Value("${partycell.members.planned-ends.interval:PT1H}") Duration interval) {
        this.members = members;
        this.lease = lease;
        this.clock = clock;
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "planned-ends-job");
            t.setDaemon(true);
            return t;
        });
        executor = started;
        started.scheduleWithFixedDelay(this::runLogged, 0, interval.toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
    }

    private void runLogged() {
        try {
            // Held for one run, not for the interval: an instance that stops (or dies) does not keep
            // the others from the next run for an hour.
            if (lease.tryHold(JOB, RUN_LEASE)) {
                int ended = applyDue(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
                if (ended > 0) {
                    log.info("planned ends applied to {} members", ended);
                }
            }
        } catch (RuntimeException e) {
            log.warn("planned-ends run failed; the next run retries", e);
        }
    }

    /** Ends every exemption and attachment planned to end on or before {@code today}; returns the members changed. */
    public int applyDue(LocalDate today) {
        int changed = 0;
        Set<Object> seen = new HashSet<>();
        while (true) {
            List<Member> due = members.withPlannedEndBy(today, BATCH);
            boolean progress = false;
            for (Member member : due) {
                if (!seen.add(member.id())) {
                    continue;
                }
                progress = true;
                Optional<Change<Member, MemberEvent>> end =
                        member.applyPlannedEnds(today, RECORDED_BY, clock.instant());
                if (end.isEmpty()) {
                    continue;
                }
                try {
                    members.update(end.get(), member.version());
                    changed++;
                } catch (ConflictException e) {
                    log.debug("member {} changed meanwhile; the next run looks again", member.id());
                }
            }
            if (!progress || due.size() < BATCH) {
                return changed;
            }
        }
    }
}
