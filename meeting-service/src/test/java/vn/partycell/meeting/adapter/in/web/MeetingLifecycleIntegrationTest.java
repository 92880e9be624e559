package vn.partycell.meeting.adapter.in.web;

import vn.partycell.platform.test.ServiceIntegrationTest;

/** A meeting from schedule to close: embedded KRaft broker and mongo-java-server. */
@ServiceIntegrationTest
class MeetingLifecycleIntegrationTest extends MeetingLifecycleScenarios {}
