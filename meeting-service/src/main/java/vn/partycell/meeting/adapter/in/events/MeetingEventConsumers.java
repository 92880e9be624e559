package vn.partycell.meeting.adapter.in.events;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/**
 * The Stream function bound to meeting-service's own {@code meetings.meeting.v1} (application.yml:
 * group {@code meeting-service}, DLT {@code meetings.meeting.v1.meeting-service.dlt}): the closed
 * meetings feed the compliance read model.
 */
@Configuration(proxyBeanMethods = false)
public class MeetingEventConsumers {

    @Bean
    public Consumer<Message<byte[]>> meetingEvents(InboundEvents inbound, MeetingEventReader reader) {
        return inbound.consumer(MemberEventConsumers.GROUP, reader::onMeetingEvent);
    }
}
