package vn.partycell.platform.events.consumerapp;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.partycell.platform.events.InboundEvents;

/** Binding {@code meetingEvents-in-0}: group {@value #GROUP}, dead letters on {@link #DLT}. */
@Configuration(proxyBeanMethods = false)
public class ClosedMeetingsConsumer {

    public static final String GROUP = "closed-meetings";
    public static final String TOPIC = "meetings.meeting.v1";
    public static final String DLT = TOPIC + "." + GROUP + ".dlt";

    @Bean
    public Consumer<Message<byte[]>> meetingEvents(InboundEvents inbound, ClosedMeetings meetings) {
        return inbound.consumer(GROUP, meetings::on);
    }
}
