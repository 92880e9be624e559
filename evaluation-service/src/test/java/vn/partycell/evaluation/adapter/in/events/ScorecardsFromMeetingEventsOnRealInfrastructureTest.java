package vn.partycell.evaluation.adapter.in.events;

import vn.partycell.platform.test.RealInfrastructureTest;

/** Scorecards built from MeetingClosed: real MongoDB (replica set) and Kafka through Testcontainers; skipped without Docker. */
@RealInfrastructureTest
class ScorecardsFromMeetingEventsOnRealInfrastructureTest extends ScorecardsFromMeetingEventsScenarios {}
