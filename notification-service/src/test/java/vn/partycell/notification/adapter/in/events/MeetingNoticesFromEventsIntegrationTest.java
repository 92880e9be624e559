package vn.partycell.notification.adapter.in.events;

import vn.partycell.platform.test.ServiceIntegrationTest;

/** Meeting notices from meeting and member events: embedded KRaft broker and mongo-java-server. */
@ServiceIntegrationTest
class MeetingNoticesFromEventsIntegrationTest extends MeetingNoticesFromEventsScenarios {}
