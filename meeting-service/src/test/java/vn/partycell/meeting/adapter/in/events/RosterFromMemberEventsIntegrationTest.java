package vn.partycell.meeting.adapter.in.events;

import vn.partycell.platform.test.ServiceIntegrationTest;

/** The roster read model fed by member events: embedded KRaft broker and mongo-java-server. */
@ServiceIntegrationTest
class RosterFromMemberEventsIntegrationTest extends RosterFromMemberEventsScenarios {}
