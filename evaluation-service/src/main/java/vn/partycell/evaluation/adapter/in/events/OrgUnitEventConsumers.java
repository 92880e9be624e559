package vn.partycell.evaluation.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * The Spring Cloud Stream function bound to member-service's topic {@code members.org-unit.v1}
 * (binding {@code orgUnitEvents-in-0}: group {@code evaluation-service}, retries, then
 * {@code members.org-unit.v1.evaluation-service.dlt}).
 */
@Configuration(proxyBeanMethods = false)
public class OrgUnitEventConsumers {

    public static final String BINDING = "orgUnitEvents-in-0";

    @Bean
    public Consumer<Message<byte[]>> orgUnitEvents(InboundEvents inbound, OrgUnitEventHandler handler) {
        return inbound.consumer(MeetingEventConsumers.GROUP, handler);
    }
}
