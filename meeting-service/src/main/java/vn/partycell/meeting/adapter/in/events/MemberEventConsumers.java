package vn.partycell.meeting.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * Spring Cloud Stream functions bound to member-service's topics (bindings in application.yml:
 * group {@code meeting-service}, retries, then the dead-letter topic).
 */
@Configuration(proxyBeanMethods = false)
public class MemberEventConsumers {

    static final String GROUP = "meeting-service";

    @Bean
    public Consumer<Message<byte[]>> memberEvents(InboundEvents inbound, MemberEventReader reader) {
        return inbound.consumer(GROUP, reader::onMemberEvent);
    }

    @Bean
    public Consumer<Message<byte[]>> orgUnitEvents(InboundEvents inbound, MemberEventReader reader) {
        return inbound.consumer(GROUP, reader::onOrgUnitEvent);
    }
}
