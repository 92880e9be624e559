package vn.partycell.member.application;

import jakarta.annotation.PreDestroy;
import java.util.List;
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
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.PendingMove;
import vn.partycell.platform.kernel.Change;

/**
 * Finishes moves (chuyển tổ chức). A move writes only the moved node: its new place and a
 * {@link PendingMove}. This job then rewrites, in batches, every org unit and then every member still
 * under the old path: each batch is one bulk of single-document writes (a member's new path and its
 * {@code members.member.updated} event together), each guarded by the version it was read at.
 *
 * <p>Without transactions it survives a crash anywhere: what is left to do is exactly what is still
 * recorded under the old path, so a restart (the job runs at start and every few seconds while a
 * move is pending) resumes, and a repeated batch finds nothing to do. Progress on the node is
 * {@code total} (counted when the job first sees the move, raised if records arrive meanwhile) and
 * {@code done = total - still under the old path}. The move is cleared once nothing is left.
 */
@Service
public class MoveJob {

    private static final Logger log = LoggerFactory.getLogger(MoveJob.class);

    private final OrgUnitRepository units;
    private final MembersInTree members;
    private final int batchSize;
    private volatile ScheduledExecutorService executor;

    public MoveJob(
            OrgUnitRepository units,
            MembersInTree members,
            @Value("${partycell.tree.move-batch-size:500}") int batchSize) {
        this.units = units;
        this.members = members;
        this.batchSize = batchSize;
    }

    /** Resumes moves a previous run left pending, then looks again every few seconds. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "org-move-job");
            t.setDaemon(true);
            return t;
        });
        executor = started;
        started.scheduleWithFixedDelay(this::runPendingLogged, 0, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    public void stop() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** A move was recorded: run now rather than at the next tick (a no-op before start). */
    public void kick() {
        ScheduledExecutorService running = executor;
        if (running != null) {
            running.execute(this::runPendingLogged);
        }
    }

    private void runPendingLogged() {
        try {
            runPending();
        } catch (RuntimeException e) {
            // The records are where they were; the next tick retries.
            log.warn("Org move job failed; will retry", e);
        }
    }

    /** Runs every pending move to its end; returns how many finished. */
    public synchronized int runPending() {
        int finished = 0;
        for (OrgUnit node : units.pendingMoves()) {
            if (run(node)) {
                finished++;
            }
        }
        return finished;
    }

    /** One move: false when a batch wrote nothing (every record in it changed meanwhile; retried later). */
    boolean run(OrgUnit node) {
        PendingMove move = node.pendingMove();
        // Counted once per run (a prefix count), then advanced by what each batch wrote.
        long left = remaining(move);
        long total = Math.max(move.total(), move.done() + left);
        long done = total - left;
        units.recordMoveProgress(node.id(), total, done);
        while (true) {
            List<OrgUnit> batch = units.under(move.from(), batchSize);
            if (batch.isEmpty()) {
                break;
            }
            List<OrgUnit> repathed = batch.stream()
                    .map(u -> u.repath(move.rewrite(u.orgPath()), u.parentId()))
                    .toList();
            int written = units.repath(repathed);
            if (written == 0) {
                return false;
            }
            done += written;
            total = Math.max(total, done);
            units.recordMoveProgress(node.id(), total, done);
        }
        while (true) {
            List<Member> batch = members.under(move.from(), batchSize);
            if (batch.isEmpty()) {
                break;
            }
            List<Change<Member, MemberEvent>> repathed =
                    batch.stream().map(m -> m.repath(move.rewrite(m.orgPath()))).toList();
            int written = members.repath(repathed);
            if (written == 0) {
                return false;
            }
            done += written;
            total = Math.max(total, done);
            units.recordMoveProgress(node.id(), total, done);
        }
        units.recordMoveProgress(node.id(), done, done);
        units.completeMove(node.id(), move.to());
        log.info("Org move of {} from {} to {} finished: {} records", node.id(), move.from(), move.to(), done);
        return true;
    }

    private long remaining(PendingMove move) {
        return units.countUnder(move.from()) + members.countUnder(move.from());
    }
}
