package vn.partycell.platform.events.consumerapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest consuming service: one Spring Cloud Stream function on {@code meetings.meeting.v1}
 * wrapped by the platform's InboundEvents, storing what it applies in MongoDB.
 */
@SpringBootApplication
public class ClosedMeetingsApp {}
