package vn.partycell.evaluation.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * The Spring Cloud Stream function bound to meeting-service's topic {@code meetings.meeting.v1}
 * (binding {@code meetingEvents-in-0} in application.yml: group {@code evaluation-service},
 * retries, then {@code meetings.meeting.v1.evaluation-service.dlt}).
 */
@Configuration(proxyBeanMethods = false)
public class MeetingEventConsumers {

    public static final String GROUP = "evaluation-service";
    public static final String BINDING = "meetingEvents-in-0";

    @Bean
    public Consumer<Message<byte[]>> meetingEvents(InboundEvents inbound, MeetingEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }
}
