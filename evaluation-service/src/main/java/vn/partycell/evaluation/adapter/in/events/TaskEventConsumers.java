package vn.partycell.evaluation.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * The Spring Cloud Stream function bound to meeting-service's topic {@code meetings.task.v1}
 * (binding {@code taskEvents-in-0} in application.yml: group {@code evaluation-service}, retries,
 * then {@code meetings.task.v1.evaluation-service.dlt}).
 */
@Configuration(proxyBeanMethods = false)
public class TaskEventConsumers {

    public static final String BINDING = "taskEvents-in-0";

    @Bean
    public Consumer<Message<byte[]>> taskEvents(InboundEvents inbound, TaskEventHandler handler) {
        return inbound.consumer(MeetingEventConsumers.GROUP, handler);
    }
}
