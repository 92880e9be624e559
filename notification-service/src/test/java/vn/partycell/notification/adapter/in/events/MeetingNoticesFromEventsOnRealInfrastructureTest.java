package vn.partycell.notification.adapter.in.events;

import vn.partycell.platform.test.RealInfrastructureTest;

/** Meeting notices from meeting and member events: real MongoDB (replica set) and Kafka through Testcontainers; skipped without Docker. */
@RealInfrastructureTest
class MeetingNoticesFromEventsOnRealInfrastructureTest extends MeetingNoticesFromEventsScenarios {}
