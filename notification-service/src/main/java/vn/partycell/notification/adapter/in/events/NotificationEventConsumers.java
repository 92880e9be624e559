package vn.partycell.notification.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * Spring Cloud Stream functions bound to member-service's, meeting-service's and evaluation-service's
 * topics (bindings
 * in application.yml: group {@code notification-service}, retries with backoff, then the topic's
 * dead-letter topic {@code <topic>.notification-service.dlt}).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationEventConsumers {

    static final String GROUP = "notification-service";

    @Bean
    public Consumer<Message<byte[]>> memberEvents(InboundEvents inbound, MemberEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }

    @Bean
    public Consumer<Message<byte[]>> meetingEvents(InboundEvents inbound, MeetingEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }

    @Bean
    public Consumer<Message<byte[]>> scorecardEvents(InboundEvents inbound, EvaluationEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }

    /** The secretaries (role events) and the cells overdue with a meeting: the overdue notice (rule 3.6). */
    @Bean
    public Consumer<Message<byte[]>> orgUnitEvents(InboundEvents inbound, CellEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }

    @Bean
    public Consumer<Message<byte[]>> cellEvents(InboundEvents inbound, CellEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }

    /** Tasks assigned at meetings, done or overdue: the owner's notices and due-soon reminders. */
    @Bean
    public Consumer<Message<byte[]>> taskEvents(InboundEvents inbound, TaskEventHandler handler) {
        return inbound.consumer(GROUP, handler);
    }
}
