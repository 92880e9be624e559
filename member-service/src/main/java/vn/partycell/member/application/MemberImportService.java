package vn.partycell.member.application;

import jakarta.annotation.PreDestroy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Bulk import of members (nhập danh sách đảng viên) from a province's existing register: a secretary
 * (or above) of a node uploads a file; each row is checked by the same rules as a single registration
 * (the request's bounds in the file adapter, then {@code PersonalData}, {@code CitizenIds} and {@code
 * Member.register} with the year's {@link MembershipPolicy}) and stored with its registered event, or
 * reported. Runs on a bounded pool, can be followed and cancelled, and resume after a restart from the
 * stored offset.
 *
 * <p>Each run is held by a lease ({@link JobLease}, {@code member-import:<id>}) from the upload on:
 * renewed by this replica while the run waits in its queue ({@link #LEASE_RENEWAL}) and before every
 * batch the run stores, released when the run is over. A replica starting meanwhile resumes only the
 * runs whose lease it can take, so two replicas never run the same import; a run whose lease was
 * taken over (this replica was paused past {@link #LEASE}) stops before its next batch.
 *
 * <p>A row's member id is derived from its citizen ID ({@link #memberIdFor}): the citizen ID is
 * required, unique in the register (a unique index) and the same in every export of the same person,
 * whereas a file hash and row number change when a province re-exports or re-sorts its file. So a
 * re-run of the same (or a re-exported) file finds every member already stored by id and creates
 * nothing twice.
 */
@Service
@EnableConfigurationProperties(MemberImportSettings.class)
public class MemberImportService {

    private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);

    /** Who may import, follow and cancel: the node's secretary or above. */
    static final Role IMPORTS = Role.SECRETARY;

    /** How long a run's lease lasts unrenewed: far longer than one batch takes. */
    static final Duration LEASE = Duration.ofMinutes(10);

    /** How often this replica renews the leases of its queued and running runs. */
    static final Duration LEASE_RENEWAL = Duration.ofMinutes(1);

    private final MemberImportJobs jobs;
    private final MemberImportFiles files;
    private final MemberImportStore store;
    private final OrgUnitRepository units;
    private final MembershipPolicy policy;
    private final Clock clock;
    private final CompositionService composition;
    private final MemberImportSettings settings;
    private final ThreadPoolExecutor executor;
    private final MemberImportPorts ports;
    private final JobLease lease;
    private final Set<MemberImportId> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewals;

    @Autowired
    public MemberImportService(
            MemberImportJobs jobs,
            MemberImportFiles files,
            MemberImportStore store,
            OrgUnitRepository units,
            MembershipPolicy policy,
            Clock clock,
            CompositionService composition,
            MemberImportSettings settings,
            JobLease lease) {
        this.jobs = jobs;
        this.files = files;
        this.store = store;
        this.units = units;
        this.policy = policy;
        this.clock = clock;
        this.composition = composition;
        this.settings = settings;
        this.lease = lease;
        this.ports = new MemberImportPorts(jobs, files, store, units, policy, clock, composition, settings, lease);
        this.renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "member-import-leases");
            t.setDaemon(true);
            return t;
        });
        renewals.scheduleWithFixedDelay(
                this::renewHeld, LEASE_RENEWAL.toMillis(), LEASE_RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        BlockingQueue<Runnable> queue = settings.queueCapacity() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queueCapacity());
        AtomicInteger threads = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS, queue, r -> {
                    Thread t = new Thread(r, "member-import-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The member id a citizen ID is imported under (a name-based UUID, see the class comment). */
    public static MemberId memberIdFor(String citizenId) {
        return MemberId.of(
                UUID.nameUUIDFromBytes(("partycell:member:citizen-id:" + citizenId).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Checks the caller before a byte of the upload is read, keeps the file (streamed), checks its
     * header, and queues the run. A full queue is a 409 and nothing is kept.
     */
    public MemberImport start(
            Caller caller, OrgUnitId unitId, ImportFormat format, String fileName, InputStream content) {
        OrgUnit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("tổ chức", unitId));
        caller.requireRole(unit.orgPath(), IMPORTS);
        if (unit.isDissolved()) {
            throw new RuleViolationException("org-unit-dissolved", "Tổ chức đã giải thể, không thể nhập đảng viên");
        }
        if (executor.getQueue().remainingCapacity() == 0 && executor.getActiveCount() >= settings.workers()) {
            throw busy();
        }
        MemberImportId id = MemberImportId.random();
        MemberImportFiles.StoredFile stored = files.store(id, format, content);
        MemberImport job = MemberImport.queued(
                id, unitId, fileName, format, stored.sha256(), stored.bytes(), caller.username(), clock.instant());
        // Held before it is stored: a replica resuming at this moment must not take it.
        hold(id);
        jobs.insert(job);
        try {
            submit(id);
        } catch (ConflictException e) {
            jobs.save(over(job, MemberImportState.FAILED, "Hàng đợi nhập đang đầy"));
            files.delete(id);
            let(id);
            throw e;
        }
        return job;
    }

    /** A run as it stands, for a secretary (or above) of the node it imports into. */
    public MemberImport get(Caller caller, OrgUnitId unitId, MemberImportId id) {
        return scoped(caller, unitId, id);
    }

    /**
     * Stops a run at its next batch (what is stored stays stored: each row is whole or absent); a
     * queued run never starts. A run already over is answered as it is.
     */
    public MemberImport cancel(Caller caller, OrgUnitId unitId, MemberImportId id) {
        MemberImport job = scoped(caller, unitId, id);
        if (job.state().isOver()) {
            return job;
        }
        MemberImport requested = jobs.requestCancellation(id).orElseThrow();
        if (requested.state() == MemberImportState.QUEUED) {
            // The worker re-reads the run before it starts and sees it over.
            MemberImport cancelled = jobs.save(over(requested, MemberImportState.CANCELLED, null));
            files.delete(id);
            if (held.contains(id)) {
                let(id);
            }
            return cancelled;
        }
        return requested;
    }

    /** Every rejected or skipped row so far, in row order. */
    public void rejections(Caller caller, OrgUnitId unitId, MemberImportId id, Consumer<ImportRejection> sink) {
        MemberImport job = scoped(caller, unitId, id);
        jobs.forEachRejection(id, job.chunks(), sink);
    }

    /**
     * Runs a restart interrupted carry on from their stored offset; a run another replica holds (it
     * is running or queued there) is left to it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (MemberImport job : jobs.unfinished()) {
            if (held.contains(job.id())) {
                continue;
            }
            if (!lease.tryHold(MemberImportPorts.leaseOf(job.id()), LEASE)) {
                log.info("Member import {} is held by another replica; not resumed here", job.id());
                continue;
            }
            held.add(job.id());
            if (!files.exists(job.id())) {
                jobs.save(over(job, MemberImportState.FAILED, "Tệp tải lên không còn; hãy tải lên lại"));
                let(job.id());
                continue;
            }
            try {
                log.info("Resuming member import {} from row offset {}", job.id(), job.rowsRead());
                submit(job.id());
            } catch (ConflictException e) {
                log.warn("Member import {} not resumed: the queue is full", job.id());
                let(job.id());
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Interrupted runs stay RUNNING and resume at the next start; their leases expire unrenewed.
        renewals.shutdownNow();
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void hold(MemberImportId id) {
        if (!lease.tryHold(MemberImportPorts.leaseOf(id), LEASE)) {
            throw new IllegalStateException("the lease of a new member import " + id + " is held elsewhere");
        }
        held.add(id);
    }

    /** The run is over here (or never started): its lease goes back. */
    void let(MemberImportId id) {
        held.remove(id);
        try {
            lease.release(MemberImportPorts.leaseOf(id));
        } catch (RuntimeException e) {
            log.debug("Lease of member import {} not released (it expires): {}", id, e.toString());
        }
    }

    private void renewHeld() {
        for (MemberImportId id : held) {
            try {
                if (!lease.tryHold(MemberImportPorts.leaseOf(id), LEASE)) {
                    log.warn("Lease of member import {} was taken over by another replica", id);
                    held.remove(id);
                }
            } catch (RuntimeException e) {
                log.warn("Lease of member import {} not renewed now: {}", id, e.toString());
            }
        }
    }

    private void submit(MemberImportId id) {
        try {
            executor.execute(new MemberImportJob(id, ports, () -> let(id)));
        } catch (RejectedExecutionException e) {
            throw busy();
        }
    }

    private MemberImport scoped(Caller caller, OrgUnitId unitId, MemberImportId id) {
        OrgUnit unit = units.find(unitId).orElseThrow(() -> new NotFoundException("tổ chức", unitId));
        caller.requireRole(unit.orgPath(), IMPORTS);
        return jobs.find(id)
                .filter(j -> j.unitId().equals(unitId))
                .orElseThrow(() -> new NotFoundException("lượt nhập", id));
    }

    private static ConflictException busy() {
        return new ConflictException(
                "member-import-busy", "Đang có quá nhiều lượt nhập đảng viên chờ xử lý; hãy thử lại sau ít phút");
    }

    private MemberImport over(MemberImport j, MemberImportState state, String failure) {
        return new MemberImport(
                j.id(),
                j.unitId(),
                j.fileName(),
                j.format(),
                j.fileSha256(),
                j.fileBytes(),
                j.requestedBy(),
                state,
                j.rowsRead(),
                j.rowsAccepted(),
                j.rowsRejected(),
                j.rowsSkipped(),
                j.chunks(),
                j.cancelRequested(),
                j.createdAt(),
                j.startedAt(),
                clock.instant(),
                failure);
    }

    /** For tests: runs still queued or running in this process. */
    int pending() {
        return executor.getQueue().size() + executor.getActiveCount();
    }
}
