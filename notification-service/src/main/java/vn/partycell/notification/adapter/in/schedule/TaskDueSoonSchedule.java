package vn.partycell.notification.adapter.in.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.partycell.notification.application.TaskDueSoonReminders;

/**
 * Starts the "task due soon" reminders every day (cron {@code partycell.notices.task-due-soon.cron},
 * Vietnamese time); every replica fires, the job's lease lets one of them run. Off with {@code
 * partycell.notices.task-due-soon.enabled=false} (tests run it by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "partycell.notices.task-due-soon.enabled", havingValue = "true", matchIfMissing = true)
public class TaskDueSoonSchedule {

    private final TaskDueSoonReminders reminders;

    public TaskDueSoonSchedule(TaskDueSoonReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(cron = "${partycell.notices.task-due-soon.cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    public void daily() {
        reminders.runToday();
    }
}
