package vn.partycell.meeting.adapter.in.web;

import vn.partycell.platform.test.RealInfrastructureTest;

/** A meeting from schedule to close: real MongoDB (replica set) and Kafka through Testcontainers; skipped without Docker. */
@RealInfrastructureTest
class MeetingLifecycleOnRealInfrastructureTest extends MeetingLifecycleScenarios {}
