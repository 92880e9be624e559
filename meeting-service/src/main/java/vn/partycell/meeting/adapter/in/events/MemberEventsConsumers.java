package vn.partycell.meeting.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.meeting.application.RosterProjection;
import vn.partycell.platform.events.InboundEvents;

/**
 * Spring Cloud Stream functions bound to member-service's topics (bindings in application.yml:
 * group {@code meeting-service}, retries, then the dead-letter topic).
 */
@Configuration(proxyBeanMethods = false)
public class MemberEventsConsumers {

    static final String GROUP = "meeting-service";

    @Bean
    public Consumer<Message<byte[]>> memberEvents(InboundEvents inbound, RosterProjection projection) {
        return inbound.consumer(GROUP, projection::onMemberEvent);
    }

    @Bean
    public Consumer<Message<byte[]>> orgUnitEvents(InboundEvents inbound, RosterProjection projection) {
        return inbound.consumer(GROUP, projection::onOrgUnitEvent);
    }
}
