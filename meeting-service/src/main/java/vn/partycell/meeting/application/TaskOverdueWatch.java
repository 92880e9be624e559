package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.TaskId;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * The daily overdue watch of tasks: for each of the last {@code look-back-days} days that are over,
 * the tasks due that day (their day's bucket, not a scan of all tasks), and each one still open and
 * not marked before is marked overdue with its event in the same write. One replica at a time (the
 * job lease); and since the mark and the event are one version-guarded write, a rerun, a second
 * replica or a crash in between publishes nothing twice. A task changed meanwhile (a report came in)
 * is left to the next run, which judges it afresh.
 */
@Service
public class TaskOverdueWatch {

    static final String JOB = "task-overdue-watch";
    private static final Logger log = LoggerFactory.getLogger(TaskOverdueWatch.class);

    private final TaskDueDays dueDays;
    private final MeetingTaskRepository tasks;
    private final JobLease lease;
    private final TaskWatchSettings settings;
    private final Clock clock;

    public TaskOverdueWatch(
            TaskDueDays dueDays, MeetingTaskRepository tasks, JobLease lease, TaskWatchSettings settings, Clock clock) {
        this.dueDays = dueDays;
        this.tasks = tasks;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did; {@code ran} is false when another replica held the lease. */
    public record Run(boolean ran, LocalDate on, long tasksChecked, long published) {}

    /** The scheduled run: today in Vietnam. */
    public Run runToday() {
        LocalDate today = VietnamTime.date(clock.instant());
        if (!lease.tryHold(JOB, settings.lease())) {
            log.info("Task overdue watch for {} skipped: another replica holds the lease", today);
            return new Run(false, today, 0, 0);
        }
        try {
            return check(today);
        } finally {
            lease.release(JOB);
        }
    }

    private Run check(LocalDate today) {
        long checked = 0;
        long published = 0;
        for (LocalDate day = today.minusDays(settings.lookBackDays()); day.isBefore(today); day = day.plusDays(1)) {
            List<TaskId> due = dueDays.dueOn(day);
            for (int from = 0; from < due.size(); from += settings.batchSize()) {
                List<MeetingTask> batch =
                        tasks.findAll(due.subList(from, Math.min(due.size(), from + settings.batchSize())));
                checked += batch.size();
                for (MeetingTask task : batch) {
                    var overdue = task.overdueAsOf(today);
                    if (overdue.isEmpty()) {
                        continue;
                    }
                    try {
                        tasks.update(overdue.get(), task.version());
                        published++;
                    } catch (ConflictException changedMeanwhile) {
                        log.debug("Task {} changed while the watch ran; judged again next run", task.id());
                    }
                }
            }
        }
        log.info(
                "Task overdue watch for {}: {} tasks due in the last days checked, {} newly overdue",
                today,
                checked,
                published);
        return new Run(true, today, checked, published);
    }
}
