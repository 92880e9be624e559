package vn.partycell.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.partycell.notification.domain.TaskNotices;
import vn.partycell.notification.domain.TaskReminder;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * The daily "task due soon" reminders: the owner of every open task due within the next {@code
 * lead-days} days (tomorrow by default) is reminded once. The tasks come from their due days'
 * buckets, not from a scan of all tasks. One replica at a time (the job lease); the notice is stored
 * insert-if-absent before the reminder is marked sent, so a rerun, a second replica or a crash in
 * between never reminds anyone twice. A task done or overdue before the run has no reminder left.
 */
@Service
public class TaskDueSoonReminders {

    static final String JOB = "task-due-soon-reminders";
    private static final Logger log = LoggerFactory.getLogger(TaskDueSoonReminders.class);

    private final TaskReminderRepository reminders;
    private final NoticeRepository notices;
    private final JobLease lease;
    private final TaskReminderSettings settings;
    private final Clock clock;

    public TaskDueSoonReminders(
            TaskReminderRepository reminders,
            NoticeRepository notices,
            JobLease lease,
            TaskReminderSettings settings,
            Clock clock) {
        this.reminders = reminders;
        this.notices = notices;
        this.lease = lease;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run did; {@code ran} is false when another replica held the lease. */
    public record Run(boolean ran, LocalDate on, long remindersChecked, long sent) {}

    /** The scheduled run: today in Vietnam. */
    public Run runToday() {
        Instant now = clock.instant();
        LocalDate today = VietnamTime.date(now);
        if (!lease.tryHold(JOB, settings.lease())) {
            log.info("Task due-soon reminders for {} skipped: another replica holds the lease", today);
            return new Run(false, today, 0, 0);
        }
        try {
            return remind(today, now);
        } finally {
            lease.release(JOB);
        }
    }

    private Run remind(LocalDate today, Instant now) {
        long checked = 0;
        long sent = 0;
        String runId = JOB + ":" + today;
        for (int ahead = 1; ahead <= settings.leadDays(); ahead++) {
            List<TaskReminder> due = reminders.pendingDueOn(today.plusDays(ahead));
            for (TaskReminder reminder : due) {
                checked++;
                sent += notices.insertIfAbsent(List.of(TaskNotices.dueSoon(reminder, now, runId)));
                reminders.markSent(reminder.task().taskId(), now);
            }
        }
        log.info("Task due-soon reminders for {}: {} pending reminders checked, {} sent", today, checked, sent);
        return new Run(true, today, checked, sent);
    }
}
