package vn.partycell.meeting.adapter.in.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.partycell.meeting.application.ComplianceWatch;

/**
 * Starts the compliance watch every day (cron {@code partycell.compliance.watch.cron}, Vietnamese
 * time); every replica fires, the watch's lease lets one of them run. Off with
 * {@code partycell.compliance.watch.enabled=false} (tests run it by hand).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "partycell.compliance.watch.enabled", havingValue = "true", matchIfMissing = true)
public class ComplianceWatchSchedule {

    private final ComplianceWatch watch;

    public ComplianceWatchSchedule(ComplianceWatch watch) {
        this.watch = watch;
    }

    @Scheduled(cron = "${partycell.compliance.watch.cron:0 30 1 * * *}", zone = "Asia/Ho_Chi_Minh")
    public void daily() {
        watch.runToday();
    }
}
