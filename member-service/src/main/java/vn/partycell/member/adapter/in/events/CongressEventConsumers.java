package vn.partycell.member.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * The Spring Cloud Stream function bound to meeting-service's congress elections (binding in
 * application.yml: group {@code member-service}, retries, then the dead-letter topic).
 */
@Configuration(proxyBeanMethods = false)
public class CongressEventConsumers {

    static final String GROUP = "member-service";

    @Bean
    public Consumer<Message<byte[]>> congressEvents(InboundEvents inbound, CongressEventReader reader) {
        return inbound.consumer(GROUP, reader::onCongressEvent);
    }
}
