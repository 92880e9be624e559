package vn.partycell.meeting.adapter.in.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.partycell.meeting.application.TaskOverdueWatch;

/**
 * Starts the overdue watch of tasks every day (cron {@code partycell.tasks.overdue-watch.cron},
 * Vietnamese time); every replica fires, the watch's lease lets one of them run. Off with
 * {@code partycell.tasks.overdue-watch.enabled=false} (tests run it by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "partycell.tasks.overdue-watch.enabled", havingValue = "true", matchIfMissing = true)
public class TaskOverdueWatchSchedule {

    private final TaskOverdueWatch watch;

    public TaskOverdueWatchSchedule(TaskOverdueWatch watch) {
        this.watch = watch;
    }

    @Scheduled(cron = "${partycell.tasks.overdue-watch.cron:0 15 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    public void daily() {
        watch.runToday();
    }
}
