package vn.partycell.meeting.adapter.in.events;

import vn.partycell.platform.test.RealInfrastructureTest;

/** The roster read model fed by member events: real MongoDB (replica set) and Kafka through Testcontainers; skipped without Docker. */
@RealInfrastructureTest
class RosterFromMemberEventsOnRealInfrastructureTest extends RosterFromMemberEventsScenarios {}
